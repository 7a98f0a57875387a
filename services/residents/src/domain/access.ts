import { actsForProperty, isStaff, OFFICE_ROLES, type Caller, type Role } from '@courtyard/kernel/domain';

/**
 * The residents subgraph's roles and record-level predicates. The gate per field is the table
 * in `schema/access.ts`; these decide on the record once it is loaded.
 */
export const PROPERTY_CREATORS: readonly Role[] = ['GENERAL_MANAGER'];
export const ESTATE_EDITORS: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
export const RESIDENT_REGISTRARS: readonly Role[] = OFFICE_ROLES;
/** The office keeps the resident archive current (seed 003 §C 一.2): kind, phone, VIP and the rest. */
export const RESIDENT_EDITORS: readonly Role[] = OFFICE_ROLES;
export const PII_LOG_READERS: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER', 'QUALITY_INSPECTOR'];

/** Only staff of the property read phone and ID numbers in full (spec §7, issue 12). */
export const canReadFullPii = (caller: Caller, propertyId: string): boolean =>
  caller.role !== 'SYSTEM' && isStaff(caller) && actsForProperty(caller, propertyId);
