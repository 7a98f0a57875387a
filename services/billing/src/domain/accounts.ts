import { billTotal } from './bills.js';
import { account, type Account } from './ledger.js';
import { CURRENCY } from './money.js';
import type { BillRecord, PaymentRecord, RefundRecord, ReversalRecord } from './records.js';

export interface UnitAccount extends Account {
  readonly currency: string;
}

/** Everything a unit's account is derived from, as stored. */
export interface UnitEntries {
  readonly bills: readonly BillRecord[];
  readonly payments: readonly PaymentRecord[];
  readonly reversals: readonly ReversalRecord[];
  readonly refunds: readonly RefundRecord[];
}

/**
 * A unit's account from its stored entries (the ledger's ordering: bills by period, refunds when
 * paid out; payments and reversals as received). A refund of credit is a charge the credit
 * settles, ordered at its time, so a later bill never takes the credit that was paid out.
 */
export function unitAccount({ bills, payments, reversals, refunds }: UnitEntries): UnitAccount {
  return {
    ...account(
      [
        ...bills.map((bill) => ({ id: bill._id, order: bill.periodStart, total: billTotal(bill) })),
        ...refunds.map((refund) => ({
          id: refund._id,
          order: refund.createdAt.toISOString(),
          total: refund.amount,
        })),
      ],
      [
        ...payments.map((payment) => ({
          id: payment._id,
          order: payment.createdAt.toISOString(),
          amount: payment.amount,
          chargeId: payment.billId,
        })),
        ...reversals.map((reversal) => ({
          id: reversal._id,
          order: reversal.createdAt.toISOString(),
          amount: reversal.amount,
          chargeId: reversal.billId,
          reverses: reversal.paymentId,
        })),
      ],
    ),
    currency: bills[0]?.currency ?? payments[0]?.currency ?? CURRENCY,
  };
}

/** A unit's account with the bills it was derived from (GraphQL's `UnitAccount`). */
export interface UnitAccountView {
  readonly unitId: string;
  readonly account: UnitAccount;
  readonly bills: readonly BillRecord[];
}

/** The bills with something outstanding, oldest first (the order payments are applied in). */
export const openBills = ({ account, bills }: UnitAccountView): BillRecord[] =>
  bills
    .filter((bill) => (account.charges.get(bill._id)?.balance ?? 0) > 0)
    .sort((a, b) =>
      a.periodStart === b.periodStart ? (a._id < b._id ? -1 : 1) : a.periodStart < b.periodStart ? -1 : 1,
    );
