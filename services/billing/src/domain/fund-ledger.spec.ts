import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { unitAccount, type UnitEntries } from './accounts.js';
import { balances, isBalanced, unitLedgerEntries } from './fund-ledger.js';
import { recordLedgerEntry } from './ledger-entries.js';
import { as } from './fixtures.js';
import { sum } from './money.js';
import type { BillRecord, PaymentRecord, ReversalRecord } from './records.js';

const at = (day: number) => new Date(Date.UTC(2027, 0, 1 + day));
const base = { version: 1, propertyId: 'p1', unitId: 'u1', currency: 'CNY' };

/** Any sequence of bills (with adjustments either way), payments and reversals of some of them. */
const unitEntries: fc.Arbitrary<UnitEntries> = fc
  .record({
    bills: fc.uniqueArray(
      fc.record({
        quarter: fc.integer({ min: 1, max: 4 }),
        lines: fc.array(fc.integer({ min: -30_000, max: 200_000 }), { minLength: 1, maxLength: 3 }),
      }),
      { selector: (bill) => bill.quarter, maxLength: 4 },
    ),
    payments: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 360 }), amount: fc.integer({ min: 1, max: 300_000 }) }),
      { maxLength: 8 },
    ),
  })
  .chain(({ bills, payments }) =>
    fc.subarray(payments.map((_, index) => index)).map((reversed): UnitEntries => {
      const billRecords: BillRecord[] = bills.map(({ quarter, lines }) => ({
        ...base,
        _id: `bill:u1:2027-Q${quarter}`,
        createdAt: at(0),
        period: `2027-Q${quarter}`,
        periodStart: `2027-${String(quarter * 3 - 2).padStart(2, '0')}-01`,
        periodEnd: '2027-12-31',
        dueOn: '2027-12-31',
        feeScheduleId: 'fs1',
        lines: lines.map((amount, index) => ({
          lineId: `${index + 1}`,
          kind: index === 0 ? 'CHARGE' : 'ADJUSTMENT',
          code: 'FEE',
          description: 'fee',
          amount,
        })),
        lastAdjustedAt: null,
      }));
      const paymentRecords: PaymentRecord[] = payments.map(({ day, amount }, index) => ({
        ...base,
        _id: `payment:office:${index}`,
        createdAt: at(day),
        billId: billRecords[index % Math.max(1, billRecords.length)]?._id ?? null,
        amount,
        method: 'CASH',
        idempotencyKey: `k${index}`,
        recordedBy: 'fee-1',
      }));
      const reversals: ReversalRecord[] = reversed.map((index) => {
        const payment = paymentRecords[index]!;
        return {
          ...base,
          _id: `reversal:${payment._id}`,
          createdAt: new Date(payment.createdAt.getTime() + 3_600_000),
          paymentId: payment._id,
          billId: payment.billId,
          amount: payment.amount,
          reason: 'chargeback',
          idempotencyKey: `r${index}`,
          sender: 'office',
          recordedBy: 'fee-1',
        };
      });
      return { bills: billRecords, payments: paymentRecords, reversals, refunds: [] };
    }),
  );

describe('the company ledger, for any sequence of bills, payments and reversals', () => {
  it('balances every entry, and the receivable is the unit’s derived balance; cash is what was paid and kept', () => {
    fc.assert(
      fc.property(unitEntries, (entries) => {
        const ledger = unitLedgerEntries(entries);
        for (const entry of ledger) expect(isBalanced(entry)).toBe(true);
        const totals = balances(ledger);
        expect(sum([...totals.values()])).toBe(0);
        const account = unitAccount(entries);
        expect(totals.get('RECEIVABLE') ?? 0).toBe(account.balance);
        const reversed = new Set(entries.reversals.map((r) => r.paymentId));
        const kept = entries.payments.filter((p) => !reversed.has(p._id));
        expect(totals.get('CASH') ?? 0).toBe(sum(kept.map((p) => p.amount)));
        // Each bill's balance is still derivable: total minus its allocations.
        for (const state of account.charges.values())
          expect(state.balance).toBe(Math.max(0, state.total) - sum(state.allocations.map((a) => a.amount)));
      }),
    );
  });
});

describe('recorded entries', () => {
  const entry = (
    postings: Array<{ account: string; debit?: number; credit?: number }>,
    fund = 'COMMON_FUND',
  ) => ({
    propertyId: 'p1',
    fund,
    postedOn: '2026-11-20',
    description: 'Elevator advertising, Q4',
    postings,
  });

  it('balance, or are refused', () => {
    const { record } = recordLedgerEntry(
      entry([
        { account: 'COMMON_FUND_BANK', debit: 120_000 },
        { account: 'COMMON_FUND_INCOME', credit: 120_000 },
      ]),
      as(),
    );
    expect(record.postings).toEqual([
      { account: 'COMMON_FUND_BANK', debit: 120_000, credit: 0 },
      { account: 'COMMON_FUND_INCOME', debit: 0, credit: 120_000 },
    ]);
    expect(() =>
      recordLedgerEntry(
        entry([
          { account: 'COMMON_FUND_BANK', debit: 100 },
          { account: 'COMMON_FUND_INCOME', credit: 99 },
        ]),
        as(),
      ),
    ).toThrow(expect.objectContaining({ reason: 'ENTRY_UNBALANCED' }) as unknown as Error);
  });

  it('keep the common fund apart from the company’s income, and never post to derived accounts', () => {
    expect(() =>
      recordLedgerEntry(
        entry([
          { account: 'COMMON_FUND_BANK', debit: 100 },
          { account: 'OTHER_INCOME', credit: 100 },
        ]),
        as(),
      ),
    ).toThrow(expect.objectContaining({ reason: 'ACCOUNT_NOT_IN_FUND' }) as unknown as Error);
    expect(() =>
      recordLedgerEntry(
        entry(
          [
            { account: 'CASH', debit: 100 },
            { account: 'PROPERTY_FEE_INCOME', credit: 100 },
          ],
          'COMPANY',
        ),
        as(),
      ),
    ).toThrow(expect.objectContaining({ reason: 'ACCOUNT_DERIVED' }) as unknown as Error);
    expect(
      recordLedgerEntry(
        entry(
          [
            { account: 'MAINTENANCE', debit: 100 },
            { account: 'CASH', credit: 100 },
          ],
          'COMPANY',
        ),
        as(),
      ).record.fund,
    ).toBe('COMPANY');
  });
});
