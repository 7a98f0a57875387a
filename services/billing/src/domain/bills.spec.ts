import { describe, expect, it } from '@jest/globals';
import { adjustBill, billIdOf, billTotal, generateBills, planGeneration } from './bills.js';
import { as, schedule, unit } from './fixtures.js';

const plan = (period: string) => planGeneration({ propertyId: 'p1', period }, as());

describe('bill generation', () => {
  it('bills a quarter from the unit’s area and the published price, rounded once per line, half-up', () => {
    const { bills } = generateBills(plan('2027-Q1'), schedule(), [unit()], new Set(), as());
    expect(bills).toHaveLength(1);
    const [{ record, events }] = bills as [(typeof bills)[number]];
    // 89.50 m² × ¥2.55 × 3 months = ¥684.675 → ¥684.68
    expect(record).toMatchObject({
      _id: 'bill:u1:2027-Q1',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      dueOn: '2027-01-31',
      lines: [
        {
          kind: 'CHARGE',
          code: 'PROPERTY_FEE_RESIDENTIAL',
          description: 'Property service fee: 89.50 m² × ¥2.55 × 3 months',
          amount: 68468,
        },
      ],
    });
    expect(billTotal(record)).toBe(68468);
    expect(events).toMatchObject([
      { type: 'bill.issued.v1', subject: record._id, data: { total: 68468, currency: 'CNY' } },
    ]);
  });

  it('decides the same ids twice and skips what is issued already: a second run creates nothing', () => {
    const units = [unit(), unit({ _id: 'u2', areaHundredths: 12005 })];
    const first = generateBills(plan('2027-Q1'), schedule(), units, new Set(), as());
    const issued = new Set(first.bills.map((bill) => bill.record._id));
    expect(issued).toEqual(new Set([billIdOf('u1', '2027-Q1'), billIdOf('u2', '2027-Q1')]));
    expect(generateBills(plan('2027-Q1'), schedule(), units, issued, as())).toEqual({
      bills: [],
      alreadyIssued: 2,
    });
  });

  it('refuses to charge without a published schedule in force, and a period of the other cycle', () => {
    expect(() => generateBills(plan('2027-Q1'), null, [unit()], new Set(), as())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'FEE_SCHEDULE_NOT_PUBLISHED' }) as unknown as Error,
    );
    expect(() =>
      generateBills(plan('2027-Q1'), schedule({ status: 'DRAFT' }), [unit()], new Set(), as()),
    ).toThrow(expect.objectContaining({ reason: 'FEE_SCHEDULE_NOT_PUBLISHED' }) as unknown as Error);
    expect(() => generateBills(plan('2027-01'), schedule(), [unit()], new Set(), as())).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'PERIOD_NOT_IN_CYCLE' }) as unknown as Error,
    );
  });

  it('bills monthly properties by month, and only fee administrators of the property issue bills', () => {
    const { bills } = generateBills(
      plan('2027-02'),
      schedule({ billingCycle: 'MONTHLY' }),
      [unit()],
      new Set(),
      as(),
    );
    expect(bills[0]?.record).toMatchObject({ periodEnd: '2027-02-28', lines: [{ amount: 22823 }] }); // 22 822.5 → 22 823
    expect(() =>
      planGeneration({ propertyId: 'p1', period: '2027-Q1' }, as({ role: 'OFFICE_DIRECTOR' })),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as Error);
  });

  it('settles a changed input with an adjustment line appended, never an edit of an issued line', () => {
    const [issued] = generateBills(plan('2027-Q1'), schedule(), [unit()], new Set(), as()).bills;
    const bill = issued!.record;
    const input = {
      billId: bill._id,
      amount: { amount: -1000, currency: 'CNY' },
      reason: 'Area corrected to 89.00 m²',
    };
    const { record, events } = adjustBill(input, bill, as());
    expect(record.lines.slice(0, 1)).toEqual(bill.lines);
    expect(record.lines[1]).toEqual({
      lineId: '2',
      kind: 'ADJUSTMENT',
      code: 'ADJUSTMENT',
      description: input.reason,
      amount: -1000,
    });
    expect(billTotal(record)).toBe(68468 - 1000);
    expect(events).toMatchObject([
      { type: 'bill.adjusted.v1', data: { total: 67468, line: { amount: -1000 } } },
    ]);
    expect(() => adjustBill({ ...input, amount: { amount: 0, currency: 'CNY' } }, bill, as())).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }) as unknown as Error,
    );
    expect(() => adjustBill(input, bill, as({ role: 'FRONT_DESK' }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as Error,
    );
  });
});
