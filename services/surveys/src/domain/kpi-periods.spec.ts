import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '@courtyard/kernel/domain';
import { hasEnded, namedPeriod, periodOf, previousPeriod, rangePeriod } from './kpi-periods.js';

const SHANGHAI = 'Asia/Shanghai';
const iso = (d: Date) => d.toISOString();

describe('KPI periods', () => {
  it.each([
    ['2026-11', 'MONTH', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2026-10'],
    ['2026-01', 'MONTH', '2025-12-31T16:00:00.000Z', '2026-01-31T16:00:00.000Z', '2025-12'],
    ['2026-Q4', 'QUARTER', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026-Q3'],
    ['2026-Q1', 'QUARTER', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z', '2025-Q4'],
    ['2026-H2', 'HALF_YEAR', '2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026-H1'],
    ['2026-H1', 'HALF_YEAR', '2025-12-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z', '2025-H2'],
    ['2026', 'YEAR', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2025'],
  ])('%s is a %s from local midnight in Shanghai, and follows %s', (label, kind, from, to, previous) => {
    const period = namedPeriod(label, SHANGHAI);
    expect({ kind: period.kind, label: period.label, from: iso(period.from), to: iso(period.to) }).toEqual({
      kind,
      label,
      from,
      to,
    });
    const before = previousPeriod(period, SHANGHAI);
    expect(before.label).toBe(previous);
    expect(before.kind).toBe(kind);
    expect(before.to).toEqual(period.from);
  });

  it('counts months in the reporting zone: 2026-03 in London starts at midnight GMT, 2026-04 at midnight BST', () => {
    expect(iso(namedPeriod('2026-03', 'Europe/London').from)).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(namedPeriod('2026-04', 'Europe/London').from)).toBe('2026-03-31T23:00:00.000Z');
  });

  it('compares a range with the range of the same length just before it', () => {
    const range = rangePeriod(new Date('2026-11-10T00:00:00Z'), new Date('2026-11-17T00:00:00Z'));
    const before = previousPeriod(range, SHANGHAI);
    expect([iso(before.from), iso(before.to)]).toEqual([
      '2026-11-03T00:00:00.000Z',
      '2026-11-10T00:00:00.000Z',
    ]);
    expect(range.label).toBe('2026-11-10T00:00:00.000Z/2026-11-17T00:00:00.000Z');
  });

  it('chains: every calendar period is followed by the next, with no gap and no overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'),
        fc.integer({ min: 0, max: 11 }),
        fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC'),
        (year, kind, index, zone) => {
          const label =
            kind === 'MONTH'
              ? `${year}-${String(index + 1).padStart(2, '0')}`
              : kind === 'QUARTER'
                ? `${year}-Q${(index % 4) + 1}`
                : kind === 'HALF_YEAR'
                  ? `${year}-H${(index % 2) + 1}`
                  : String(year);
          const period = namedPeriod(label, zone);
          const before = previousPeriod(period, zone);
          expect(before.to).toEqual(period.from);
          expect(before.from.getTime()).toBeLessThan(before.to.getTime());
          expect(namedPeriod(before.label, zone)).toEqual(before);
        },
      ),
    );
  });

  it('takes exactly one of a period and a range, and refuses what is not one', () => {
    const reason = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? `${error.code}/${error.reason}` : String(error);
      }
      return 'accepted';
    };
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-12-01T00:00:00Z');
    expect(reason(() => periodOf({ period: '2026-13' }, SHANGHAI))).toBe('BAD_USER_INPUT/INVALID_PERIOD');
    expect(reason(() => periodOf({ period: '2026-Q5' }, SHANGHAI))).toBe('BAD_USER_INPUT/INVALID_PERIOD');
    expect(reason(() => periodOf({}, SHANGHAI))).toBe('BAD_USER_INPUT/INVALID_PERIOD');
    expect(reason(() => periodOf({ from }, SHANGHAI))).toBe('BAD_USER_INPUT/INVALID_PERIOD');
    expect(reason(() => periodOf({ period: '2026', from, to }, SHANGHAI))).toBe(
      'BAD_USER_INPUT/INVALID_PERIOD',
    );
    expect(reason(() => periodOf({ from: to, to: from }, SHANGHAI))).toBe('BAD_USER_INPUT/INVALID_PERIOD');
    expect(periodOf({ from, to }, SHANGHAI)).toMatchObject({ kind: 'RANGE', from, to });
    expect(periodOf({ period: '2026-11' }, SHANGHAI).kind).toBe('MONTH');
  });

  it('says a period has ended only from its end on', () => {
    const period = namedPeriod('2026-11', SHANGHAI);
    expect(hasEnded(period, new Date(period.to.getTime() - 1))).toBe(false);
    expect(hasEnded(period, period.to)).toBe(true);
  });
});
