import { OFFICE_ROLES, type Role } from '@courtyard/kernel/domain';

/** The surveys subgraph's role sets: the field gate (`schema/access.ts`) and the domain share them. */
/** Who writes a property's templates. */
export const TEMPLATE_EDITORS: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
/** Who may write a company-wide template (acting for every property). */
export const COMPANY_TEMPLATE_EDITORS: readonly Role[] = ['GENERAL_MANAGER'];
/** Who records a phone follow-up (回访) on a resident's behalf: the office roles of the property. */
export const FOLLOW_UP_RECORDERS: readonly Role[] = OFFICE_ROLES;
/** Who creates and starts a property's campaigns (half-yearly satisfaction, December needs). */
export const CAMPAIGN_RUNNERS: readonly Role[] = TEMPLATE_EDITORS;
/** Who runs a company-wide campaign (acting for every property). */
export const COMPANY_CAMPAIGN_RUNNERS: readonly Role[] = COMPANY_TEMPLATE_EDITORS;
/**
 * Who reads a technician's figures (the staff grade assessment, seed 001-A: supervisors judge,
 * directors and the general manager decide, quality inspectors audit); a technician reads their
 * own. Front desk and fee administrators read the property's, category's and team's figures only.
 */
export const TECHNICIAN_FIGURE_READERS: readonly Role[] = [
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
  'QUALITY_INSPECTOR',
];
/** Who publishes a property's satisfaction results to its residents: the office's director and the general manager. */
export const RESULTS_PUBLISHERS: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
