/**
 * Model policy (the kernel's `MODEL_OPTIONS`, services/README.md): every schema declares each
 * stored field with its type and is `strict: 'throw'`; aggregates are written by the
 * `AggregateWriter` through the driver and read lean, so the schema is the declared stored shape
 * and models.spec.ts proves it against a complete record. Indexes: one per read path, listed in
 * this service's README (models.spec.ts keeps the table and these in step).
 */
import { AGGREGATE_FIELDS, MODEL_OPTIONS, nested, withOutboxSweepIndex } from '@courtyard/kernel';
import { Schema, type Connection, type Model } from 'mongoose';
import type {
  BillRecord,
  DisclosureRecord,
  LedgerEntryRecord,
  DunningNoticeRecord,
  FeeScheduleRecord,
  MembershipRecord,
  PaymentRecord,
  RefundRecord,
  ReversalRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';

const feeScheduleItem = nested({
  code: String,
  kind: String,
  name: String,
  pricing: String,
  price: Number,
  unitType: String,
  priceSource: String,
  workOrderCategories: [String],
  materialsAtCost: Boolean,
});

const feeScheduleSchema = withOutboxSweepIndex(
  new Schema<FeeScheduleRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      number: Number,
      effectiveFrom: String,
      billingCycle: String,
      currency: String,
      items: [feeScheduleItem],
      status: String,
      createdBy: String,
      publishedAt: Date,
      publishedBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'fee_schedules' },
  )
    .index({ propertyId: 1, number: 1 }, { unique: true })
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, status: 1, effectiveFrom: -1, number: -1 }),
);

/** The units projection (from `unit.created.v1`), `_id` = the unit's id. */
const unitSchema = new Schema<UnitRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    buildingId: String,
    number: String,
    areaHundredths: Number,
    unitType: String,
  },
  { ...MODEL_OPTIONS, collection: 'units' },
).index({ propertyId: 1, _id: 1 });

/** Household memberships (from `resident.moved_in/out.v1`), `_id` = `<unitId>:<residentId>`. */
const membershipSchema = new Schema<MembershipRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    unitId: String,
    householdId: String,
    residentId: String,
    current: Boolean,
  },
  { ...MODEL_OPTIONS, collection: 'memberships' },
).index({ residentId: 1, current: 1 });

const billSchema = withOutboxSweepIndex(
  new Schema<BillRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      period: String,
      periodStart: String,
      periodEnd: String,
      dueOn: String,
      feeScheduleId: String,
      currency: String,
      lines: [nested({ lineId: String, kind: String, code: String, description: String, amount: Number })],
      lastAdjustedAt: Date,
    },
    { ...MODEL_OPTIONS, collection: 'bills' },
  )
    .index({ unitId: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, period: 1 }),
);

const paymentSchema = withOutboxSweepIndex(
  new Schema<PaymentRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      billId: String,
      amount: Number,
      currency: String,
      method: String,
      idempotencyKey: String,
      recordedBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'payments' },
  )
    .index({ unitId: 1, createdAt: 1 })
    .index({ propertyId: 1, createdAt: 1 }),
);

const reversalSchema = withOutboxSweepIndex(
  new Schema<ReversalRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      paymentId: String,
      billId: String,
      amount: Number,
      currency: String,
      reason: String,
      idempotencyKey: String,
      sender: String,
      recordedBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'reversals' },
  )
    .index({ unitId: 1, createdAt: 1 })
    .index({ propertyId: 1, createdAt: 1 }),
);

const refundSchema = withOutboxSweepIndex(
  new Schema<RefundRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      amount: Number,
      currency: String,
      method: String,
      reason: String,
      idempotencyKey: String,
      sender: String,
      recordedBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'refunds' },
  )
    .index({ sender: 1, idempotencyKey: 1 }, { unique: true })
    .index({ unitId: 1, createdAt: 1 })
    .index({ propertyId: 1, createdAt: 1 }),
);

const dunningNoticeSchema = withOutboxSweepIndex(
  new Schema<DunningNoticeRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      channel: String,
      owed: Number,
      overdue: Number,
      currency: String,
      billIds: [String],
      note: String,
      sentBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'dunning_notices' },
  ).index({ unitId: 1, createdAt: -1 }),
);

/** Recorded entries of both ledgers (no events: the disclosure publishes their sums). */
const ledgerEntrySchema = new Schema<LedgerEntryRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    fund: String,
    postedOn: String,
    description: String,
    currency: String,
    postings: [nested({ account: String, debit: Number, credit: Number })],
    recordedBy: String,
  },
  { ...MODEL_OPTIONS, collection: 'ledger_entries' },
).index({ propertyId: 1, fund: 1, postedOn: 1 });

const disclosureLine = nested({ category: String, amount: Number });
/** Published quarterly disclosures, `_id` = `disclosure:<propertyId>:<quarter>`. */
const disclosureSchema = withOutboxSweepIndex(
  new Schema<DisclosureRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      quarter: String,
      from: String,
      to: String,
      currency: String,
      companyIncome: [disclosureLine],
      companyExpenditure: [disclosureLine],
      commonFundIncome: Number,
      commonFundExpenditure: [disclosureLine],
      commonFundClosingBalance: Number,
      publishedBy: String,
    },
    { ...MODEL_OPTIONS, collection: 'disclosures' },
  ).index({ propertyId: 1, quarter: -1 }),
);

const serviceChargeSchema = withOutboxSweepIndex(
  new Schema<ServiceChargeRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      helpRequestId: String,
      helpRequestNumber: String,
      category: String,
      receivedAt: Date,
      status: String,
      reviewReason: String,
      itemCode: String,
      feeScheduleId: String,
      amount: Number,
      currency: String,
    },
    { ...MODEL_OPTIONS, collection: 'service_charges' },
  ).index({ propertyId: 1, status: 1, createdAt: -1, _id: -1 }),
);

/** Every model of the subgraph, by name: what `createModels` registers and the spec inspects. */
export const BILLING_SCHEMAS = {
  FeeSchedule: feeScheduleSchema,
  Unit: unitSchema,
  Membership: membershipSchema,
  Bill: billSchema,
  Payment: paymentSchema,
  Reversal: reversalSchema,
  Refund: refundSchema,
  DunningNotice: dunningNoticeSchema,
  LedgerEntry: ledgerEntrySchema,
  Disclosure: disclosureSchema,
  ServiceCharge: serviceChargeSchema,
} as const;

export interface BillingModels {
  FeeSchedule: Model<FeeScheduleRecord>;
  Unit: Model<UnitRecord>;
  Membership: Model<MembershipRecord>;
  Bill: Model<BillRecord>;
  Payment: Model<PaymentRecord>;
  Reversal: Model<ReversalRecord>;
  Refund: Model<RefundRecord>;
  DunningNotice: Model<DunningNoticeRecord>;
  LedgerEntry: Model<LedgerEntryRecord>;
  Disclosure: Model<DisclosureRecord>;
  ServiceCharge: Model<ServiceChargeRecord>;
}

export const OUTBOX_COLLECTIONS = [
  'fee_schedules',
  'bills',
  'payments',
  'reversals',
  'refunds',
  'service_charges',
] as const;

/** Registers the models and builds their indexes (a no-op for those that already exist). */
export async function createModels(connection: Connection): Promise<BillingModels> {
  const models: BillingModels = {
    FeeSchedule: connection.model('FeeSchedule', feeScheduleSchema),
    Unit: connection.model('Unit', unitSchema),
    Membership: connection.model('Membership', membershipSchema),
    Bill: connection.model('Bill', billSchema),
    Payment: connection.model('Payment', paymentSchema),
    Reversal: connection.model('Reversal', reversalSchema),
    Refund: connection.model('Refund', refundSchema),
    DunningNotice: connection.model('DunningNotice', dunningNoticeSchema),
    LedgerEntry: connection.model('LedgerEntry', ledgerEntrySchema),
    Disclosure: connection.model('Disclosure', disclosureSchema),
    ServiceCharge: connection.model('ServiceCharge', serviceChargeSchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
