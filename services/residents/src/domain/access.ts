import { actsForProperty, isStaff, OFFICE_ROLES, type Caller, type Role } from '@courtyard/kernel/domain';

/**
 * The residents subgraph's roles and record-level predicates. The gate per field is the table
 * in `schema/access.ts`; these decide on the record once it is loaded.
 */
export const PROPERTY_CREATORS: readonly Role[] = ['GENERAL_MANAGER'];
export const ESTATE_EDITORS: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
export const RESIDENT_REGISTRARS: readonly Role[] = OFFICE_ROLES;
export const PII_LOG_READERS: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER', 'QUALITY_INSPECTOR'];

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

/** A household: staff of its property, or one of its current members. */
export const canReadHousehold = (
  caller: Caller,
  household: {
    propertyId: string;
    members: ReadonlyArray<{ residentId: string; movedOutOn: string | null }>;
  },
): boolean =>
  canListPropertyRecords(caller, household.propertyId) ||
  (caller.role === 'RESIDENT' &&
    household.members.some(
      (member) => member.residentId === caller.residentId && member.movedOutOn === null,
    ));
