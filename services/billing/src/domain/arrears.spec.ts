import { describe, expect, it } from '@jest/globals';
import { bucketOf, daysBetween, propertyArrears, unitAgeing } from './arrears.js';
import { NOW } from './fixtures.js';
import type { BillRecord, PaymentRecord } from './records.js';

const bill = (period: string, periodStart: string, dueOn: string, amount: number): BillRecord => ({
  _id: `bill:u1:${period}`,
  version: 1,
  createdAt: NOW,
  propertyId: 'p1',
  unitId: 'u1',
  period,
  periodStart,
  periodEnd: periodStart,
  dueOn,
  feeScheduleId: 'fs1',
  currency: 'CNY',
  lines: [{ lineId: '1', kind: 'CHARGE', code: 'FEE', description: 'fee', amount }],
  lastAdjustedAt: null,
});
const payment = (amount: number, at: Date): PaymentRecord => ({
  _id: `payment:office:${at.toISOString()}`,
  version: 1,
  createdAt: at,
  propertyId: 'p1',
  unitId: 'u1',
  billId: null,
  amount,
  currency: 'CNY',
  method: 'CASH',
  idempotencyKey: 'k',
  recordedBy: 'fee-1',
});
const bills = [
  bill('2027-Q1', '2027-01-01', '2027-01-31', 10_000),
  bill('2027-Q2', '2027-04-01', '2027-04-30', 20_000),
  bill('2027-Q3', '2027-07-01', '2027-07-31', 40_000),
];
const entries = (payments: PaymentRecord[] = []) => ({ bills, payments, reversals: [], refunds: [] });

describe('arrears ageing', () => {
  it('counts days after the due date into 1–30, 31–90, 91–180 and over 180', () => {
    expect(daysBetween('2027-01-31', '2027-03-02')).toBe(30);
    expect([0, 1, 30, 31, 90, 91, 180, 181].map(bucketOf)).toEqual([
      'days0To30',
      'days0To30',
      'days0To30',
      'days31To90',
      'days31To90',
      'days91To180',
      'days91To180',
      'over180Days',
    ]);
  });

  it('ages each bill’s balance by its due date, as of the day asked; not yet due is not arrears', () => {
    expect(unitAgeing(entries(), '2027-01-31')).toMatchObject({ total: 0 });
    expect(unitAgeing(entries(), '2027-08-10')).toMatchObject({
      asOf: '2027-08-10',
      days0To30: 40_000, // Q3, due 2027-07-31: 10 days
      days31To90: 0,
      days91To180: 20_000, // Q2, due 2027-04-30: 102 days
      over180Days: 10_000, // Q1, due 2027-01-31: 191 days
      total: 70_000,
    });
  });

  it('counts only what was recorded by then: a later payment pays the oldest first', () => {
    const paid = entries([payment(15_000, new Date('2027-09-01T03:00:00Z'))]);
    expect(unitAgeing(paid, '2027-08-31').total).toBe(70_000);
    expect(unitAgeing(paid, '2027-09-01')).toMatchObject({ total: 55_000, days91To180: 15_000 });
  });

  it('sums a property’s units, the most owed first, leaving out units that owe nothing overdue', () => {
    const property = propertyArrears(
      'p1',
      new Map([
        ['u1', entries()],
        ['u2', { bills: [], payments: [], reversals: [], refunds: [] }],
      ]),
      '2027-12-01',
    );
    expect(property.units.map((unit) => unit.unitId)).toEqual(['u1']);
    expect(property.ageing).toMatchObject({ over180Days: 30_000, days91To180: 40_000, total: 70_000 });
  });
});
