import { sum } from './money.js';

/**
 * A unit's account, derived and never stored: its charges (bills in period order, and refunds of
 * credit at the time they were paid out) and its funds in the order received (payments, and
 * reversals that take a payment back). Each payment goes to the charge it names first, then to
 * the oldest charges with something outstanding; what is left is credit, which the next bill
 * absorbs as soon as it exists. A reversal takes back exactly what its payment was applied to,
 * as negative allocations of its own, and the credit the payment left. Every record is written
 * once and never edited, so every balance is a function of these lists: nothing to keep in step,
 * no multi-document write.
 */
export interface Charge {
  readonly id: string;
  /** Sorts charges oldest first (the period start or the refund's time, then the id). */
  readonly order: string;
  readonly total: number;
}

export interface Funds {
  readonly id: string;
  /** Sorts funds in the order received (time, then id). */
  readonly order: string;
  /** A payment's amount; for a reversal, the amount of the payment it reverses. */
  readonly amount: number;
  readonly chargeId: string | null;
  /** Set on a reversal: the payment it takes back. */
  readonly reverses?: string | null;
}

export interface Allocation {
  readonly paymentId: string;
  /** Set when the allocation takes money back: the reversal (the amount is then negative). */
  readonly reversalId?: string;
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
  /** Owed overall: Σ charges − Σ payments not reversed (negative = credit). */
  readonly balance: number;
}

const byOrder = <T extends { order: string; id: string }>(a: T, b: T) =>
  a.order === b.order ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.order < b.order ? -1 : 1;

export function account(charges: readonly Charge[], funds: readonly Funds[]): Account {
  const ordered = [...charges].sort(byOrder);
  const paid = new Map<string, number>(ordered.map((charge) => [charge.id, 0]));
  const allocations = new Map<string, Allocation[]>(ordered.map((charge) => [charge.id, []]));
  /** What each payment was applied to, and what it left as credit: what a reversal takes back. */
  const applied = new Map<string, { chargeId: string; amount: number }[]>();
  const leftOver = new Map<string, number>();
  const reversed = new Set<string>();
  // A negative total (an adjustment that refunds more than was charged) is credit too.
  let credit = sum(ordered.map((charge) => Math.max(0, -charge.total)));
  const outstanding = (charge: Charge) => Math.max(0, charge.total) - paid.get(charge.id)!;
  const apply = (charge: Charge, paymentId: string, available: number): number => {
    const amount = Math.min(available, outstanding(charge));
    if (amount <= 0) return 0;
    paid.set(charge.id, paid.get(charge.id)! + amount);
    allocations.get(charge.id)!.push({ paymentId, amount });
    applied.get(paymentId)!.push({ chargeId: charge.id, amount });
    return amount;
  };
  const takeBack = (reversal: Funds, paymentId: string) => {
    if (reversed.has(paymentId) || !applied.has(paymentId)) return;
    reversed.add(paymentId);
    for (const { chargeId, amount } of applied.get(paymentId)!) {
      paid.set(chargeId, paid.get(chargeId)! - amount);
      allocations.get(chargeId)!.push({ paymentId, reversalId: reversal.id, amount: -amount });
    }
    credit -= leftOver.get(paymentId)!;
  };
  for (const entry of [...funds].sort(byOrder)) {
    if (entry.reverses) {
      takeBack(entry, entry.reverses);
      continue;
    }
    applied.set(entry.id, []);
    let left = entry.amount;
    const named = ordered.find((charge) => charge.id === entry.chargeId);
    if (named) left -= apply(named, entry.id, left);
    for (const charge of ordered) {
      if (left === 0) break;
      left -= apply(charge, entry.id, left);
    }
    leftOver.set(entry.id, left);
    credit += left;
  }
  // Credit (from refunding adjustments, or left after a reversal reopened a bill) goes to what
  // is still open, oldest first.
  for (const charge of ordered) {
    if (credit === 0) break;
    const fromCredit = Math.min(credit, outstanding(charge));
    if (fromCredit > 0) {
      paid.set(charge.id, paid.get(charge.id)! + fromCredit);
      allocations.get(charge.id)!.push({ paymentId: 'CREDIT', amount: fromCredit });
      credit -= fromCredit;
    }
  }
  const received = funds.filter((entry) => !entry.reverses && !reversed.has(entry.id));
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
    balance: sum(ordered.map((charge) => charge.total)) - sum(received.map((entry) => entry.amount)),
  };
}
