import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { account, type Charge, type Funds } from './ledger.js';
import { sum } from './money.js';

const charges = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('b1', 'b2', 'b3', 'b4', 'b5', 'b6'),
    order: fc.constantFrom('2027-01-01', '2027-04-01', '2027-07-01'),
    // Mostly charges; now and then an adjustment that refunds more than was charged.
    total: fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
      fc.integer({ min: -50_000, max: -1 }),
    ),
  }),
  { selector: (charge) => charge.id, maxLength: 6 },
);
const payments = (ids: string[]) =>
  fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      order: fc
        .date({ min: new Date('2027-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      amount: fc.integer({ min: 1, max: 300_000 }),
      chargeId: ids.length > 0 ? fc.option(fc.constantFrom(...ids, 'unknown-bill')) : fc.constant(null),
    }),
    { selector: (payment) => payment.id, maxLength: 8 },
  );
const ledgers = charges.chain((cs) =>
  payments(cs.map((c) => c.id)).map((ps) => [cs, ps] as [Charge[], Funds[]]),
);
/** Bills and payments, and reversals of some of those payments, each after the payment it takes back. */
const withReversals = ledgers.chain(([cs, ps]) =>
  fc.subarray(ps).map((reversed) => {
    const reversals: Funds[] = reversed.map((payment) => ({
      id: `reversal:${payment.id}`,
      order: `${payment.order}~`,
      amount: payment.amount,
      chargeId: payment.chargeId,
      reverses: payment.id,
    }));
    return [cs, [...ps, ...reversals], new Set(reversed.map((payment) => payment.id))] as const;
  }),
);

describe('a unit’s account, for any sequence of bills and payments', () => {
  it('keeps every bill’s balance derivable from its total and allocations, never negative', () => {
    fc.assert(
      fc.property(ledgers, ([cs, ps]) => {
        const result = account(cs, ps);
        for (const charge of cs) {
          const state = result.charges.get(charge.id)!;
          expect(state.paid).toBe(sum(state.allocations.map((allocation) => allocation.amount)));
          expect(state.balance).toBe(Math.max(0, charge.total) - state.paid);
          expect(state.balance).toBeGreaterThanOrEqual(0);
          for (const allocation of state.allocations) expect(allocation.amount).toBeGreaterThan(0);
        }
        expect(result.credit).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('counts every payment exactly once: allocated plus credit is what was paid (plus refunds)', () => {
    fc.assert(
      fc.property(ledgers, ([cs, ps]) => {
        const result = account(cs, ps);
        const states = [...result.charges.values()];
        for (const payment of ps) {
          const allocated = sum(
            states.flatMap((state) =>
              state.allocations.filter((a) => a.paymentId === payment.id).map((a) => a.amount),
            ),
          );
          expect(allocated).toBeLessThanOrEqual(payment.amount);
        }
        const refunds = sum(cs.map((c) => Math.max(0, -c.total)));
        const allocatedTotal = sum(states.map((state) => state.paid));
        expect(allocatedTotal + result.credit).toBe(sum(ps.map((p) => p.amount)) + refunds);
        expect(result.balance).toBe(sum(states.map((state) => state.balance)) - result.credit);
      }),
    );
  });

  it('holds credit only when nothing is outstanding (credit goes to the next bill), whatever the input order', () => {
    fc.assert(
      fc.property(ledgers, ([cs, ps]) => {
        const result = account(cs, ps);
        if (result.credit > 0) for (const state of result.charges.values()) expect(state.balance).toBe(0);
        expect(account([...cs].reverse(), [...ps].reverse())).toEqual(result);
      }),
    );
  });

  it('after any reversals: each bill’s balance is still its total minus its allocations, and reversed payments count for nothing', () => {
    fc.assert(
      fc.property(withReversals, ([cs, fs, reversed]) => {
        const result = account(cs, fs);
        const received = fs.filter((f) => !f.reverses && !reversed.has(f.id));
        for (const charge of cs) {
          const state = result.charges.get(charge.id)!;
          expect(state.paid).toBe(sum(state.allocations.map((allocation) => allocation.amount)));
          expect(state.balance).toBe(Math.max(0, charge.total) - state.paid);
          expect(state.balance).toBeGreaterThanOrEqual(0);
          expect(state.paid).toBeGreaterThanOrEqual(0);
        }
        // A reversed payment's allocations net to zero on every bill.
        for (const id of reversed) {
          for (const state of result.charges.values()) {
            const net = sum(state.allocations.filter((a) => a.paymentId === id).map((a) => a.amount));
            expect(net).toBe(0);
          }
        }
        const refunds = sum(cs.map((c) => Math.max(0, -c.total)));
        const states = [...result.charges.values()];
        expect(sum(states.map((state) => state.paid)) + result.credit).toBe(
          sum(received.map((f) => f.amount)) + refunds,
        );
        expect(result.balance).toBe(sum(states.map((state) => state.balance)) - result.credit);
        if (result.credit > 0) for (const state of states) expect(state.balance).toBe(0);
      }),
    );
  });

  it('reopens what a reversed payment paid, with a negative allocation of its own', () => {
    const q1 = { id: 'q1', order: '2027-01-01', total: 60_000 };
    const paid = { id: 'p1', order: '2027-01-05', amount: 70_000, chargeId: 'q1' };
    const reversal = { id: 'r1', order: '2027-01-09', amount: 70_000, chargeId: 'q1', reverses: 'p1' };
    const result = account([q1], [paid, reversal]);
    expect(result).toMatchObject({ credit: 0, balance: 60_000 });
    expect(result.charges.get('q1')).toEqual({
      total: 60_000,
      paid: 0,
      balance: 60_000,
      allocations: [
        { paymentId: 'p1', amount: 60_000 },
        { paymentId: 'p1', reversalId: 'r1', amount: -60_000 },
      ],
    });
  });

  it('pays the named bill first, then the oldest; an overpayment is credit the next bill absorbs', () => {
    const q1 = { id: 'q1', order: '2027-01-01', total: 60_000 };
    const q2 = { id: 'q2', order: '2027-04-01', total: 60_000 };
    const pay = (id: string, amount: number, chargeId: string | null, order = `2027-0${id.length}`) => ({
      id,
      order,
      amount,
      chargeId,
    });
    const partial = account([q1, q2], [pay('p1', 10_000, 'q2')]);
    expect(partial.charges.get('q2')).toMatchObject({ paid: 10_000, balance: 50_000 });
    expect(partial.charges.get('q1')).toMatchObject({ paid: 0, balance: 60_000 });

    const over = account([q1], [pay('p1', 70_000, 'q1')]);
    expect(over).toMatchObject({ credit: 10_000, balance: -10_000 });
    const next = account([q1, q2], [pay('p1', 70_000, 'q1')]);
    expect(next.credit).toBe(0);
    expect(next.charges.get('q2')).toMatchObject({
      paid: 10_000,
      balance: 50_000,
      allocations: [{ paymentId: 'p1', amount: 10_000 }],
    });
  });
});
