import { STAFF_ROLES, type Role } from './roles.js';

/**
 * The authenticated caller, as the gateway forwards it. `propertyIds` is the staff scope;
 * `['*']` means every property (general manager, quality inspectors, the system).
 */
export interface Caller {
  readonly subject: string;
  readonly role: Role;
  readonly propertyIds: readonly string[];
  readonly residentId?: string;
  readonly partnerId?: string;
  readonly name?: string;
}

export const ALL_PROPERTIES = '*';

export const isStaff = (caller: Caller): boolean => STAFF_ROLES.includes(caller.role);

export const actsForProperty = (caller: Caller, propertyId: string): boolean =>
  caller.role === 'SYSTEM' ||
  caller.propertyIds.includes(ALL_PROPERTIES) ||
  caller.propertyIds.includes(propertyId);

/** The actor of a reaction to another subgraph's event: no person, every property. */
export const systemActor = (subject: string): Caller => ({
  subject,
  role: 'SYSTEM',
  propertyIds: [ALL_PROPERTIES],
});
