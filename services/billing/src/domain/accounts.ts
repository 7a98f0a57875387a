import { billTotal } from './bills.js';
import { account, type Account } from './ledger.js';
import { CURRENCY } from './money.js';
import type { BillRecord, PaymentRecord } from './records.js';

export interface UnitAccount extends Account {
  readonly currency: string;
}

/** A unit's account from its stored bills and payments (the ledger's ordering: period, then receipt). */
export function unitAccount(bills: readonly BillRecord[], payments: readonly PaymentRecord[]): UnitAccount {
  return {
    ...account(
      bills.map((bill) => ({ id: bill._id, order: bill.periodStart, total: billTotal(bill) })),
      payments.map((payment) => ({
        id: payment._id,
        order: payment.createdAt.toISOString(),
        amount: payment.amount,
        chargeId: payment.billId,
      })),
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
