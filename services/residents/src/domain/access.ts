import { actsForProperty, isStaff, OFFICE_ROLES, type Caller, type Role } from '@courtyard/kernel';

/**
 * The residents subgraph's access rules, as predicates beside the model. Issue 9 turns these
 * into a declarative table enforced by the kernel; the rules themselves stay here.
 */
export const PROPERTY_CREATORS: readonly Role[] = ['GENERAL_MANAGER'];
export const ESTATE_EDITORS: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
export const RESIDENT_REGISTRARS: readonly Role[] = OFFICE_ROLES;

/** Only staff of the property read phone and ID numbers in full (spec §7, issue 12). */
export const canReadFullPii = (caller: Caller, propertyId: string): boolean =>
  caller.role !== 'SYSTEM' && isStaff(caller) && actsForProperty(caller, propertyId);

/** Lists of a property's units and residents: its staff (quality inspectors: all). */
export const canListPropertyRecords = (caller: Caller, propertyId: string): boolean =>
  caller.role === 'SYSTEM' || (isStaff(caller) && actsForProperty(caller, propertyId));

/** A resident record: staff of its property, or the resident themself. */
export const canReadResident = (caller: Caller, resident: { _id: string; propertyId: string }): boolean =>
  canListPropertyRecords(caller, resident.propertyId) ||
  (caller.role === 'RESIDENT' && caller.residentId === resident._id);
