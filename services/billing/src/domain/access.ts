import { OFFICE_ROLES, type Role } from '@courtyard/kernel/domain';

/** The billing subgraph's role sets: the field gate (`schema/access.ts`) and the domain share them. */

/** Fee schedules and bill generation: the fee administrator (产业部) alone (spec §4). */
export const FEE_ADMINISTRATORS: readonly Role[] = ['FEE_ADMINISTRATOR'];

/** Who records a payment: the fee administrator at the office, and the payment provider. */
export const PAYMENT_RECORDERS: readonly Role[] = ['FEE_ADMINISTRATOR', 'PARTNER'];

/** The partner that collects payments (schema/partners.json). */
export const PAYMENT_PROVIDER = 'payment-provider';

/** Who sends dunning notices (催缴): the management office (spec §4), the fee administrator too. */
export const MANAGEMENT_OFFICE: readonly Role[] = [...OFFICE_ROLES, 'FEE_ADMINISTRATOR'];
