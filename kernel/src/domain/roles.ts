/** Who can call Courtyard (product spec §7, issue 9). Staff roles act for a set of properties. */
export const ROLES = [
  'RESIDENT',
  'FRONT_DESK',
  'TECHNICIAN',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
  'QUALITY_INSPECTOR',
  'FEE_ADMINISTRATOR',
  'PARTNER',
  'SYSTEM',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = [
  'FRONT_DESK',
  'TECHNICIAN',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
  'QUALITY_INSPECTOR',
  'FEE_ADMINISTRATOR',
];

/** Staff of a property and the residents themselves: reads whose record decides the rest. */
export const STAFF_AND_RESIDENTS: readonly Role[] = [...STAFF_ROLES, 'RESIDENT'];

/** Roles that manage a property's records (create buildings, units, register residents). */
export const OFFICE_ROLES: readonly Role[] = [
  'FRONT_DESK',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
