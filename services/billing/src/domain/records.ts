/** The billing subgraph's records, as stored (one MongoDB document each). Money: integer fen. */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

export const ITEM_KINDS = ['PROPERTY_FEE', 'PARKING', 'UTILITY', 'PAID_SERVICE'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const PRICINGS = [
  'PER_SQUARE_METER_MONTH',
  'PER_MONTH',
  'PER_METERED_UNIT',
  'FIXED',
  'PER_HOUR',
] as const;
export type Pricing = (typeof PRICINGS)[number];
export const PRICE_SOURCES = ['GOVERNMENT', 'OWN'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];
export const BILLING_CYCLES = ['MONTHLY', 'QUARTERLY'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];
export const PAYMENT_METHODS = ['CASH', 'BANK_TRANSFER', 'WECHAT_PAY', 'ALIPAY', 'CARD'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One priced item of a schedule version. `price` in fen per the pricing's unit. */
export interface FeeScheduleItemRecord {
  code: string;
  kind: ItemKind;
  name: string;
  pricing: Pricing;
  price: number;
  /** PROPERTY_FEE: the unit type it applies to (every unit is RESIDENTIAL until residents publishes types). */
  unitType: string | null;
  /** UTILITY: whose tariff (a government price is passed through unchanged). */
  priceSource: PriceSource | null;
  /** PAID_SERVICE: the work-order categories it prices (the category → paid service map). */
  workOrderCategories: string[];
  /** PAID_SERVICE priced PER_HOUR: materials are billed at cost on top. */
  materialsAtCost: boolean;
}

/**
 * A version of a property's fee schedule. Never edited once published: a change is a new
 * version with a later `effectiveFrom`; the version in force on a day is the published one
 * with the latest `effectiveFrom` on or before it.
 */
export interface FeeScheduleRecord extends Aggregate {
  propertyId: string;
  /** 1, 2, … per property, in order of creation. */
  number: number;
  effectiveFrom: string;
  billingCycle: BillingCycle;
  currency: string;
  items: FeeScheduleItemRecord[];
  status: 'DRAFT' | 'PUBLISHED';
  createdBy: string;
  publishedAt: Date | null;
  publishedBy: string | null;
}

/** What billing knows of a unit, projected from `unit.created.v1` (`_id` = the unit's id). */
export interface UnitRecord extends Aggregate {
  propertyId: string;
  buildingId: string;
  number: string;
  /** Hundredths of a m², read from the event's decimal digits. */
  areaHundredths: number;
  unitType: string;
}

/** A resident's membership of a unit's household, from `resident.moved_in/out.v1` (`_id` = `<unitId>:<residentId>`). */
export interface MembershipRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  householdId: string;
  residentId: string;
  current: boolean;
}

export interface BillLineRecord {
  lineId: string;
  kind: 'CHARGE' | 'ADJUSTMENT';
  code: string;
  description: string;
  amount: number;
}

/**
 * A unit's bill for one period. `_id` is derived from unit and period (`bill:<unitId>:<period>`),
 * so generating a period twice hits the unique `_id` and creates nothing. Lines are only ever
 * appended (an adjustment); what was paid is derived from the unit's payments (`ledger.ts`).
 */
export interface BillRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  feeScheduleId: string;
  currency: string;
  lines: BillLineRecord[];
  /** When the last adjustment line was appended (null: as issued). */
  lastAdjustedAt: Date | null;
}

/**
 * A payment, recorded once: `_id` is derived from who sent it and its idempotency key, so the
 * same key twice hits the unique `_id`.
 */
export interface PaymentRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  billId: string | null;
  amount: number;
  currency: string;
  method: PaymentMethod;
  idempotencyKey: string;
  recordedBy: string;
}

/**
 * A payment taken back (a chargeback, a payment posted to the wrong unit): its own record, the
 * payment is never edited. `_id` = `reversal:<paymentId>`, so a payment is reversed at most once
 * and a replay of the same idempotency key finds the first result.
 */
export interface ReversalRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  paymentId: string;
  billId: string | null;
  amount: number;
  currency: string;
  reason: string;
  idempotencyKey: string;
  /** Who sent it: the partner id, or `office`. */
  sender: string;
  recordedBy: string;
}

/**
 * Credit paid back to the payer: its own record, a charge on the unit's account that the credit
 * settles. `_id` = `refund:<unitId>:<n>` (the unit's n-th refund), so two refunds decided on the
 * same account at once cannot both be written (the second loses on `_id` and is refused); the
 * idempotency key is unique per sender.
 */
export interface RefundRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  reason: string;
  idempotencyKey: string;
  sender: string;
  recordedBy: string;
}

export const DUNNING_CHANNELS = ['PHONE', 'SMS', 'WECHAT', 'LETTER', 'NOTICE_POSTED', 'IN_PERSON'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/**
 * A dunning notice (催缴) the management office sent a unit's household, with its channel and
 * what the account showed when it was sent (owed overall, overdue, the open bills).
 */
export interface DunningNoticeRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  channel: DunningChannel;
  owed: number;
  overdue: number;
  currency: string;
  billIds: string[];
  note: string | null;
  sentBy: string;
}

/** One side of a recorded ledger entry: exactly one of debit and credit is positive (fen). */
export interface PostingRecord {
  account: string;
  debit: number;
  credit: number;
}

/**
 * A ledger entry recorded by the fee administrator: a cost of the company, or a movement of the
 * common fund (共有资金). Its debits equal its credits; never edited (a correction is another entry).
 */
export interface LedgerEntryRecord extends Aggregate {
  propertyId: string;
  fund: 'COMPANY' | 'COMMON_FUND';
  postedOn: string;
  description: string;
  currency: string;
  postings: PostingRecord[];
  recordedBy: string;
}

export interface DisclosureLineRecord {
  category: string;
  amount: number;
}

/**
 * The figures of a property's quarterly income and expenditure disclosure (物业服务收支情况,
 * 共有资金情况): the company's income by account and costs by category, the common fund's
 * income, costs by category and closing balance.
 */
export interface DisclosureFigures {
  propertyId: string;
  quarter: string;
  from: string;
  to: string;
  currency: string;
  companyIncome: DisclosureLineRecord[];
  companyExpenditure: DisclosureLineRecord[];
  commonFundIncome: number;
  commonFundExpenditure: DisclosureLineRecord[];
  commonFundClosingBalance: number;
}

/** A disclosure figure as GraphQL shows it: with its currency. */
export type PricedDisclosureLine = DisclosureLineRecord & { currency: string };

/** A published disclosure, `_id` = `disclosure:<propertyId>:<quarter>`: one per quarter, never edited. */
export interface DisclosureRecord extends Aggregate, DisclosureFigures {
  publishedBy: string;
}

/**
 * A paid help request from work-orders, `_id` = the help request's id (one per request):
 * CHARGED at the published price in force when it was received, or NEEDS_REVIEW with why.
 */
export interface ServiceChargeRecord extends Aggregate {
  propertyId: string;
  helpRequestId: string;
  helpRequestNumber: string;
  category: string;
  receivedAt: Date;
  status: 'CHARGED' | 'NEEDS_REVIEW';
  reviewReason: 'NO_PUBLISHED_PRICE' | 'PRICED_PER_HOUR' | null;
  itemCode: string | null;
  feeScheduleId: string | null;
  amount: number | null;
  currency: string;
}

/** An item as GraphQL shows it: with its schedule's currency, so its price is Money. */
export type PricedItem = FeeScheduleItemRecord & { currency: string };
/** A bill line as GraphQL shows it: with the bill's currency. */
export type PricedLine = BillLineRecord & { currency: string };
/** Money applied to a bill (`paymentId` 'CREDIT' for credit from an adjustment; a reversal takes it back). */
export interface PricedAllocation {
  paymentId: string;
  reversalId?: string;
  amount: number;
  currency: string;
}
