import { describe, expect, it } from '@jest/globals';
import { localDate, periodFrom, periodsOverlapping, recurrenceOf } from './recurrence.js';

const iso = (periods: Array<{ start: Date; end: Date }>) =>
  periods.map((p) => [p.start.toISOString(), p.end.toISOString()]);

describe('recurrence: each kind is a run of calendar periods in the property zone', () => {
  it('DAILY: midnight to midnight, and a day across the spring DST change is 23 hours', () => {
    const daily = recurrenceOf('DAILY', null, '2026-03-27', 'Europe/Berlin');
    expect(daily.rrule).toBe('FREQ=DAILY');
    expect(
      iso(
        periodsOverlapping(
          daily,
          'Europe/Berlin',
          new Date('2026-03-28T12:00:00Z'),
          new Date('2026-03-29T12:00:00Z'),
        ),
      ),
    ).toEqual([
      ['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ]);
  });

  it('MONTHLY: calendar months from the 1st, the month holding startsOn included', () => {
    const monthly = recurrenceOf('MONTHLY', null, '2026-11-23', 'Asia/Shanghai');
    expect(
      iso(
        periodsOverlapping(
          monthly,
          'Asia/Shanghai',
          new Date('2026-11-23T02:00:00Z'),
          new Date('2027-01-15T00:00:00Z'),
        ),
      ),
    ).toEqual([
      ['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
      ['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
      ['2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z'],
    ]);
  });

  it('TWICE_A_YEAR: January–June and July–December; the next after a half is six months on', () => {
    const twice = recurrenceOf('TWICE_A_YEAR', null, '2026-11-23', 'Asia/Shanghai');
    const [half] = periodsOverlapping(
      twice,
      'Asia/Shanghai',
      new Date('2026-11-23T02:00:00Z'),
      new Date('2026-11-24T00:00:00Z'),
    );
    expect(iso([half!])).toEqual([['2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']]);
    expect(iso([periodFrom(twice, 'Asia/Shanghai', half!.end)!])).toEqual([
      ['2026-12-31T16:00:00.000Z', '2027-06-30T16:00:00.000Z'],
    ]);
  });

  it('YEARLY: calendar years', () => {
    const yearly = recurrenceOf('YEARLY', null, '2026-11-23', 'UTC');
    expect(
      iso(
        periodsOverlapping(yearly, 'UTC', new Date('2026-11-23T00:00:00Z'), new Date('2027-03-01T00:00:00Z')),
      ),
    ).toEqual([
      ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'],
    ]);
  });

  it('RRULE: the rule given, from startsOn (its RRULE: prefix optional); COUNT ends the periods', () => {
    const weekly = recurrenceOf('RRULE', 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-11-23', 'UTC');
    expect(weekly.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=3');
    expect(
      iso(
        periodsOverlapping(weekly, 'UTC', new Date('2026-11-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')),
      ),
    ).toEqual([
      ['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
      ['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z'],
    ]);
  });

  it('refuses a rule finer than daily, one with its own DTSTART, a broken one, and a rule on a named kind', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (error) {
        return (error as { reason?: string }).reason;
      }
    };
    expect(reason(() => recurrenceOf('RRULE', 'FREQ=HOURLY', '2026-11-23', 'UTC'))).toBe(
      'INVALID_RECURRENCE',
    );
    expect(
      reason(() => recurrenceOf('RRULE', 'DTSTART:20260101T000000Z;FREQ=DAILY', '2026-11-23', 'UTC')),
    ).toBe('INVALID_RECURRENCE');
    expect(reason(() => recurrenceOf('RRULE', 'FREQ=WEEKLY;BYDAY=XX', '2026-11-23', 'UTC'))).toBe(
      'INVALID_RECURRENCE',
    );
    expect(reason(() => recurrenceOf('RRULE', null, '2026-11-23', 'UTC'))).toBe('INVALID_RECURRENCE');
    expect(reason(() => recurrenceOf('MONTHLY', 'FREQ=DAILY', '2026-11-23', 'UTC'))).toBe(
      'INVALID_RECURRENCE',
    );
  });

  it('localDate is the day in the zone, not in UTC', () => {
    expect(localDate(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-23T17:00:00Z'), 'America/New_York')).toBe('2026-11-23');
  });
});
