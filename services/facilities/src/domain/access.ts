import { OFFICE_ROLES, type Role } from '@courtyard/kernel/domain';

/** The facilities subgraph's role sets: the field gate (`schema/access.ts`) and the domain share them. */
/** Register and retire facilities, set any status: the management office of the property. */
export const EDITORS: readonly Role[] = OFFICE_ROLES;
/** Change a facility's status (with a reason): the office, and the technicians who work on it. */
export const STATUS_CHANGERS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN'];
/** Report a fault: any staff member of the property but inspectors (who report through an inspection). */
export const STAFF_FAULT_REPORTERS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN', 'FEE_ADMINISTRATOR'];
/** …and partners (the smart-building vendor's sensors) for the properties they serve, through their persisted operation. */
export const FAULT_REPORTERS: readonly Role[] = [...STAFF_FAULT_REPORTERS, 'PARTNER'];
/** Register service partners and their contracts, register meters: the management office. */
export const PARTNER_EDITORS: readonly Role[] = OFFICE_ROLES;
/** Read meters and record readings: the office, technicians, and fee administrators who bill them. */
export const METER_READERS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN', 'FEE_ADMINISTRATOR'];
/** Record a meter replacement: the office and the technicians who fit the new meter. */
export const METER_REPLACERS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN'];
/**
 * Record an inspection round (巡查): the office, technicians on patrol, and quality inspectors
 * (who change nothing but inspections; a failed item raises its fault through the round).
 */
export const INSPECTORS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN', 'QUALITY_INSPECTOR'];
/** Create and change maintenance plans, assign their tasks: the management office. */
export const PLAN_EDITORS: readonly Role[] = OFFICE_ROLES;
export const TASK_ASSIGNERS: readonly Role[] = OFFICE_ROLES;
/** Record a task done (with its evidence): the office and the technicians who do or oversee it. */
export const TASK_COMPLETERS: readonly Role[] = [...OFFICE_ROLES, 'TECHNICIAN'];
