import { describe, expect, it } from '@jest/globals';
import { modelPolicyChecks } from '../../../../test/support/model-policy.js';
import type {
  BillRecord,
  DunningNoticeRecord,
  FeeScheduleRecord,
  MembershipRecord,
  PaymentRecord,
  RefundRecord,
  ReversalRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';
import { BILLING_SCHEMAS } from './models.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const at = new Date('2026-11-23T02:00:00Z');
const aggregate = { version: 2, createdAt: at, outbox: [], causedBy: ['e1'] };

// Typed as the records, so a field added to a record and not here fails type-checking, and a
// field here the schema does not declare fails the strict check below.
const records = {
  FeeSchedule: {
    _id: 'fs1',
    ...aggregate,
    propertyId: 'p1',
    number: 1,
    effectiveFrom: '2027-01-01',
    billingCycle: 'QUARTERLY',
    currency: 'CNY',
    items: [
      {
        code: 'PROPERTY_FEE',
        kind: 'PROPERTY_FEE',
        name: 'Property fee',
        pricing: 'PER_SQUARE_METER_MONTH',
        price: 250,
        unitType: 'RESIDENTIAL',
        priceSource: 'GOVERNMENT',
        workOrderCategories: ['WATER_LEAK'],
        materialsAtCost: true,
      },
    ],
    status: 'PUBLISHED',
    createdBy: 'fee-1',
    publishedAt: at,
    publishedBy: 'fee-1',
  } satisfies FeeScheduleRecord & typeof aggregate,
  Unit: {
    _id: 'u1',
    ...aggregate,
    propertyId: 'p1',
    buildingId: 'b1',
    number: '1-1201',
    areaHundredths: 8950,
    unitType: 'RESIDENTIAL',
  } satisfies UnitRecord & typeof aggregate,
  Membership: {
    _id: 'u1:r1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    householdId: 'h1',
    residentId: 'r1',
    current: true,
  } satisfies MembershipRecord & typeof aggregate,
  Bill: {
    _id: 'bill:u1:2027-Q1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    period: '2027-Q1',
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    dueOn: '2027-01-31',
    feeScheduleId: 'fs1',
    currency: 'CNY',
    lines: [{ lineId: '1', kind: 'CHARGE', code: 'PROPERTY_FEE', description: 'fee', amount: 67125 }],
    lastAdjustedAt: at,
  } satisfies BillRecord & typeof aggregate,
  Payment: {
    _id: 'payment:office:k1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    billId: 'bill:u1:2027-Q1',
    amount: 100,
    currency: 'CNY',
    method: 'CASH',
    idempotencyKey: 'k1',
    recordedBy: 'fee-1',
  } satisfies PaymentRecord & typeof aggregate,
  Reversal: {
    _id: 'reversal:payment:office:k1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    paymentId: 'payment:office:k1',
    billId: 'bill:u1:2027-Q1',
    amount: 100,
    currency: 'CNY',
    reason: 'Chargeback',
    idempotencyKey: 'k2',
    sender: 'office',
    recordedBy: 'fee-1',
  } satisfies ReversalRecord & typeof aggregate,
  Refund: {
    _id: 'refund:u1:1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    amount: 100,
    currency: 'CNY',
    method: 'BANK_TRANSFER',
    reason: 'Moved out',
    idempotencyKey: 'k3',
    sender: 'office',
    recordedBy: 'fee-1',
  } satisfies RefundRecord & typeof aggregate,
  DunningNotice: {
    _id: 'dn1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    channel: 'SMS',
    owed: 100,
    overdue: 100,
    currency: 'CNY',
    billIds: ['bill:u1:2027-Q1'],
    note: 'Second reminder',
    sentBy: 'front-desk-1',
  } satisfies DunningNoticeRecord & typeof aggregate,
  ServiceCharge: {
    _id: 'hr1',
    ...aggregate,
    propertyId: 'p1',
    helpRequestId: 'hr1',
    helpRequestNumber: 'WO-2026-000001',
    category: 'WATER_LEAK',
    receivedAt: at,
    status: 'CHARGED',
    reviewReason: 'PRICED_PER_HOUR',
    itemCode: 'REPAIR',
    feeScheduleId: 'fs1',
    amount: 8000,
    currency: 'CNY',
  } satisfies ServiceChargeRecord & typeof aggregate,
} as const;

describe('billing models', () => {
  const modelOf = modelPolicyChecks('Billing', BILLING_SCHEMAS, records, README);

  it('refuses a field no schema declares rather than dropping it', () => {
    expect(() => new (modelOf('Bill'))({ ...records.Bill, colour: 'red' })).toThrow(/colour.*not in schema/);
  });
});
