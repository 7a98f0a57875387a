import { sum } from './money.js';

/**
 * A unit's account, derived and never stored: its bills (charges, in period order) and its
 * payments (in the order received). Each payment goes to the bill it names first, then to the
 * oldest bills with something outstanding; what is left is credit, which the next bill absorbs
 * as soon as it exists. Bills and payments are each written once and never edited, so every
 * balance is a function of those two lists: nothing to keep in step, no multi-document write.
 */
export interface Charge {
  readonly id: string;
  /** Sorts charges oldest first (the period start, then the id). */
  readonly order: string;
  readonly total: number;
}

export interface Funds {
  readonly id: string;
  /** Sorts payments in the order received (time, then id). */
  readonly order: string;
  readonly amount: number;
  readonly chargeId: string | null;
}

export interface Allocation {
  readonly paymentId: string;
  readonly amount: number;
}

export interface ChargeState {
  readonly total: number;
  readonly paid: number;
  readonly balance: number;
  readonly allocations: readonly Allocation[];
}

export interface Account {
  readonly charges: ReadonlyMap<string, ChargeState>;
  /** Paid and not yet owed: applied to the next bill. */
  readonly credit: number;
  /** Owed overall: Σ bill totals − Σ payments (negative = credit). */
  readonly balance: number;
}

const byOrder = <T extends { order: string; id: string }>(a: T, b: T) =>
  a.order === b.order ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.order < b.order ? -1 : 1;

export function account(charges: readonly Charge[], payments: readonly Funds[]): Account {
  const ordered = [...charges].sort(byOrder);
  const paid = new Map<string, number>(ordered.map((charge) => [charge.id, 0]));
  const allocations = new Map<string, Allocation[]>(ordered.map((charge) => [charge.id, []]));
  // A negative total (an adjustment that refunds more than was charged) is credit too.
  let credit = sum(ordered.map((charge) => Math.max(0, -charge.total)));
  const outstanding = (charge: Charge) => Math.max(0, charge.total) - paid.get(charge.id)!;
  const apply = (charge: Charge, paymentId: string, available: number): number => {
    const amount = Math.min(available, outstanding(charge));
    if (amount <= 0) return 0;
    paid.set(charge.id, paid.get(charge.id)! + amount);
    allocations.get(charge.id)!.push({ paymentId, amount });
    return amount;
  };
  for (const payment of [...payments].sort(byOrder)) {
    let left = payment.amount;
    const named = ordered.find((charge) => charge.id === payment.chargeId);
    if (named) left -= apply(named, payment.id, left);
    for (const charge of ordered) {
      if (left === 0) break;
      left -= apply(charge, payment.id, left);
    }
    credit += left;
  }
  // Credit from refunding adjustments goes to what is still open, oldest first.
  for (const charge of ordered) {
    if (credit === 0) break;
    const fromCredit = Math.min(credit, outstanding(charge));
    if (fromCredit > 0) {
      paid.set(charge.id, paid.get(charge.id)! + fromCredit);
      allocations.get(charge.id)!.push({ paymentId: 'CREDIT', amount: fromCredit });
      credit -= fromCredit;
    }
  }
  return {
    charges: new Map(
      ordered.map((charge) => [
        charge.id,
        {
          total: charge.total,
          paid: paid.get(charge.id)!,
          balance: Math.max(0, charge.total) - paid.get(charge.id)!,
          allocations: allocations.get(charge.id)!,
        },
      ]),
    ),
    credit,
    balance: sum(ordered.map((charge) => charge.total)) - sum(payments.map((payment) => payment.amount)),
  };
}
