import { STAFF_AND_RESIDENTS, STAFF_ROLES, type AccessRules } from '@courtyard/kernel';
import { FEE_ADMINISTRATORS, MANAGEMENT_OFFICE, PAYMENT_RECORDERS } from '../domain/access.js';

/**
 * Who may call each billing field. The kernel runs the gate before the resolver and refuses to
 * start when a Query or Mutation field has no rule; `then` names what the domain checks next.
 */
export const accessRules: AccessRules = {
  Query: {
    feeSchedule: { allow: STAFF_AND_RESIDENTS, then: 'published: anyone; a draft: staff of its property' },
    feeSchedules: {
      allow: STAFF_AND_RESIDENTS,
      then: 'published ones, and drafts for staff of the property',
    },
    feeScheduleInForce: { allow: STAFF_AND_RESIDENTS, then: 'published prices are public (明码标价)' },
    unitAccount: {
      allow: [...STAFF_AND_RESIDENTS, 'PARTNER'],
      then: 'staff of its property, a resident of its household, the payment provider',
    },
    bill: { allow: STAFF_AND_RESIDENTS, then: 'staff of its property, or a resident of its household' },
    serviceChargesForReview: { allow: STAFF_ROLES, scope: 'propertyId' },
    arrears: { allow: STAFF_ROLES, scope: 'propertyId' },
    fundLedger: { allow: STAFF_ROLES, scope: 'propertyId' },
    quarterlyDisclosure: { allow: STAFF_ROLES, scope: 'propertyId' },
    disclosures: { allow: STAFF_AND_RESIDENTS, then: 'published disclosures are public to residents' },
  },
  Mutation: {
    createFeeSchedule: { allow: FEE_ADMINISTRATORS, scope: 'input.propertyId' },
    publishFeeSchedule: { allow: FEE_ADMINISTRATORS, then: 'of the schedule’s property' },
    generateBills: { allow: FEE_ADMINISTRATORS, scope: 'input.propertyId' },
    adjustBill: { allow: FEE_ADMINISTRATORS, then: 'of the bill’s property' },
    recordPayment: {
      allow: PAYMENT_RECORDERS,
      then: 'the bill or unit is readable; the office for its property',
    },
    reversePayment: {
      allow: PAYMENT_RECORDERS,
      then: 'the fee administrator of the payment’s property; the payment provider its own payments',
    },
    refundCredit: { allow: FEE_ADMINISTRATORS, then: 'of the unit’s property' },
    recordLedgerEntry: { allow: FEE_ADMINISTRATORS, scope: 'input.propertyId' },
    publishDisclosure: { allow: FEE_ADMINISTRATORS, scope: 'input.propertyId' },
    sendDunningNotice: { allow: MANAGEMENT_OFFICE, then: 'of the unit’s property' },
  },
};
