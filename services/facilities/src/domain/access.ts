import { OFFICE_ROLES, type Role } from '@courtyard/kernel/domain';

/** The facilities subgraph's role sets: the field gate (`schema/access.ts`) and the domain share them. */
export const EDITORS: readonly Role[] = OFFICE_ROLES;
