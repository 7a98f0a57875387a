import { DomainError } from '../errors.js';
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

export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (caller.role === 'SYSTEM' || allowed.includes(caller.role)) return;
  throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', `Role ${caller.role} may not do this`, {
    allowed,
  });
}

export function requirePropertyScope(caller: Caller, propertyId: string): void {
  if (actsForProperty(caller, propertyId)) return;
  throw new DomainError('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property', {
    propertyId,
  });
}

/** Staff of the property (or the system) may act on its records. */
export function requireStaffOf(caller: Caller, propertyId: string, roles: readonly Role[]): void {
  requireRole(caller, roles);
  requirePropertyScope(caller, propertyId);
}
