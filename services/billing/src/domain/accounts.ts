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
