import type { UnitEntries } from './accounts.js';
import { dayOf } from './periods.js';
import type { ServiceChargeRecord } from './records.js';

/**
 * Two double-entry ledgers per property, kept apart: the company's (its receivables, cash and
 * income from fees and paid services, its costs) and the common fund's (共有资金: the owners'
 * money in its own account, 专户, never the company's income). Every entry's debits equal its
 * credits. The company's receivable side is derived from bills, payments, reversals, refunds and
 * service charges (never stored twice); costs and the common fund's movements are recorded
 * entries. Amounts are integer fen.
 */
export const FUNDS = ['COMPANY', 'COMMON_FUND'] as const;
export type Fund = (typeof FUNDS)[number];

/** Cost categories (物业管理的成本费用, seed 002 E §七, research seeds-002-004 §1.4): either fund may spend on them. */
export const COST_CATEGORIES = [
  'STAFF',
  'MAINTENANCE',
  'PUBLIC_CHARGES',
  'ADMINISTRATIVE',
  'INSURANCE',
  'OTHER_COSTS',
  'MANAGER_REMUNERATION',
  'TAXES',
  'RESERVE_MAINTENANCE_FUND',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The company's income accounts, as disclosed. */
export const COMPANY_INCOME = ['PROPERTY_FEE_INCOME', 'PAID_SERVICE_INCOME', 'OTHER_INCOME'] as const;

/** Each account and the fund it belongs to (`ANY`: a cost category, in either). */
export const LEDGER_ACCOUNTS = {
  CASH: 'COMPANY',
  RECEIVABLE: 'COMPANY',
  SERVICE_RECEIVABLE: 'COMPANY',
  PROPERTY_FEE_INCOME: 'COMPANY',
  PAID_SERVICE_INCOME: 'COMPANY',
  OTHER_INCOME: 'COMPANY',
  COMMON_FUND_BANK: 'COMMON_FUND',
  COMMON_FUND_INCOME: 'COMMON_FUND',
  ...Object.fromEntries(COST_CATEGORIES.map((category) => [category, 'ANY'])),
} as Record<string, Fund | 'ANY'>;
export type LedgerAccount = keyof typeof LEDGER_ACCOUNTS;
export const ACCOUNT_NAMES = Object.keys(LEDGER_ACCOUNTS);

/** Accounts only derived entries post to: a recorded entry never touches them. */
export const DERIVED_ACCOUNTS = [
  'RECEIVABLE',
  'SERVICE_RECEIVABLE',
  'PROPERTY_FEE_INCOME',
  'PAID_SERVICE_INCOME',
];

export interface Posting {
  readonly account: string;
  readonly debit: number;
  readonly credit: number;
}

/** A posting as GraphQL shows it: with its entry's currency. */
export type PricedPosting = Posting & { currency: string };

export const LEDGER_SOURCES = [
  'BILL',
  'PAYMENT',
  'REVERSAL',
  'REFUND',
  'SERVICE_CHARGE',
  'RECORDED',
] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

export interface LedgerEntryView {
  readonly id: string;
  readonly propertyId: string;
  readonly fund: Fund;
  readonly postedOn: string;
  readonly description: string;
  readonly source: LedgerSource;
  readonly currency: string;
  readonly postings: readonly Posting[];
}

const dr = (account: string, amount: number): Posting => ({ account, debit: amount, credit: 0 });
const cr = (account: string, amount: number): Posting => ({ account, debit: 0, credit: amount });
/** A signed amount debited to one account and credited to the other (the other way round when negative). */
const move = (debitAccount: string, creditAccount: string, amount: number): Posting[] =>
  amount >= 0
    ? [dr(debitAccount, amount), cr(creditAccount, amount)]
    : [dr(creditAccount, -amount), cr(debitAccount, -amount)];

export const isBalanced = (entry: Pick<LedgerEntryView, 'postings'>): boolean =>
  entry.postings.reduce((total, posting) => total + posting.debit - posting.credit, 0) === 0;

/** The company's entries for one unit's account: each bill, payment, reversal and refund, balanced by construction. */
export function unitLedgerEntries({ bills, payments, reversals, refunds }: UnitEntries): LedgerEntryView[] {
  const company = { fund: 'COMPANY' as const };
  return [
    ...bills.map((bill) => ({
      ...company,
      id: `entry:${bill._id}`,
      propertyId: bill.propertyId,
      postedOn: bill.periodStart,
      description: `Bill ${bill.period}`,
      source: 'BILL' as const,
      currency: bill.currency,
      postings: bill.lines.flatMap((line) => move('RECEIVABLE', 'PROPERTY_FEE_INCOME', line.amount)),
    })),
    ...payments.map((payment) => ({
      ...company,
      id: `entry:${payment._id}`,
      propertyId: payment.propertyId,
      postedOn: dayOf(payment.createdAt),
      description: `Payment (${payment.method})`,
      source: 'PAYMENT' as const,
      currency: payment.currency,
      postings: move('CASH', 'RECEIVABLE', payment.amount),
    })),
    ...reversals.map((reversal) => ({
      ...company,
      id: `entry:${reversal._id}`,
      propertyId: reversal.propertyId,
      postedOn: dayOf(reversal.createdAt),
      description: `Payment reversed: ${reversal.reason}`,
      source: 'REVERSAL' as const,
      currency: reversal.currency,
      postings: move('RECEIVABLE', 'CASH', reversal.amount),
    })),
    ...refunds.map((refund) => ({
      ...company,
      id: `entry:${refund._id}`,
      propertyId: refund.propertyId,
      postedOn: dayOf(refund.createdAt),
      description: `Credit refunded: ${refund.reason}`,
      source: 'REFUND' as const,
      currency: refund.currency,
      postings: move('RECEIVABLE', 'CASH', refund.amount),
    })),
  ].map(({ id, propertyId, fund, postedOn, description, source, currency, postings }) => ({
    id,
    propertyId,
    fund,
    postedOn,
    description,
    source,
    currency,
    postings,
  }));
}

/** A charged paid service: income of the company, receivable from the requester. */
export const serviceChargeEntry = (charge: ServiceChargeRecord): LedgerEntryView | null =>
  charge.status === 'CHARGED' && charge.amount
    ? {
        id: `entry:service-charge:${charge._id}`,
        propertyId: charge.propertyId,
        fund: 'COMPANY',
        postedOn: dayOf(charge.createdAt),
        description: `Paid service ${charge.helpRequestNumber}`,
        source: 'SERVICE_CHARGE',
        currency: charge.currency,
        postings: move('SERVICE_RECEIVABLE', 'PAID_SERVICE_INCOME', charge.amount),
      }
    : null;

/** Each account's balance, debit − credit, over the entries given. */
export function balances(entries: readonly LedgerEntryView[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const entry of entries)
    for (const posting of entry.postings)
      result.set(posting.account, (result.get(posting.account) ?? 0) + posting.debit - posting.credit);
  return result;
}

/** Entries by posting day, then id: the order a ledger is read in. */
export const byPostingDay = (a: LedgerEntryView, b: LedgerEntryView): number =>
  a.postedOn === b.postedOn ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.postedOn < b.postedOn ? -1 : 1;
