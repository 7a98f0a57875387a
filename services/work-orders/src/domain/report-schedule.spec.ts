import { describe, expect, it } from '@jest/globals';
import { weekendCalendar, type WorkingCalendar } from './calendar.js';
import {
  dueReport,
  periodStartOf,
  recentlyDue,
  reportsDueBetween,
  type ReportKind,
} from './report-schedule.js';

// China 2026-2027 as the State Council's notices have it (the parts these cases touch).
const shanghai: WorkingCalendar = {
  ...weekendCalendar('Asia/Shanghai'),
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-12-10', // a holiday an administrator entered, to move a due date that is not a weekend
    '2027-01-01',
  ],
  makeUpWorkdays: ['2026-10-10'],
};
const due = (kind: ReportKind, at: string, calendar = shanghai) =>
  dueReport(kind, periodStartOf(kind, new Date(at), calendar.timeZone), calendar);

describe('when each SLA report is due (seed 001-S N27–N31, seed 004 weekly)', () => {
  it('monthly: by the 10th of the next month; a holiday on the 10th moves it to the next working day', () => {
    const november = due('MONTHLY', '2026-11-15T00:00:00Z');
    expect(november).toMatchObject({
      periodStart: new Date('2026-10-31T16:00:00Z'), // 1 November, midnight in Shanghai
      periodEnd: new Date('2026-11-30T16:00:00Z'),
      nominalDueOn: '2026-12-10',
      dueOn: '2026-12-11', // the 10th is a holiday in this calendar
      dueAt: new Date('2026-12-10T16:00:00Z'),
    });
    // Without the holiday the 10th (a Thursday) stands.
    expect(due('MONTHLY', '2026-11-15T00:00:00Z', weekendCalendar('Asia/Shanghai')).dueOn).toBe('2026-12-10');
  });

  it('monthly: a 10th on a Sunday moves to Monday', () => {
    expect(due('MONTHLY', '2026-12-05T00:00:00Z')).toMatchObject({
      nominalDueOn: '2027-01-10',
      dueOn: '2027-01-11',
    });
  });

  it('quarterly: by the 10th of the quarter’s first month; a make-up Saturday (调休) is a working day', () => {
    const third = due('QUARTERLY', '2026-08-20T00:00:00Z');
    expect(third.periodStart).toEqual(new Date('2026-06-30T16:00:00Z'));
    expect(third.periodEnd).toEqual(new Date('2026-09-30T16:00:00Z'));
    expect(third).toMatchObject({ nominalDueOn: '2026-10-10', dueOn: '2026-10-10' });
    expect(due('QUARTERLY', '2026-08-20T00:00:00Z', weekendCalendar('Asia/Shanghai')).dueOn).toBe(
      '2026-10-12',
    );
    expect(due('QUARTERLY', '2026-11-20T00:00:00Z')).toMatchObject({
      nominalDueOn: '2027-01-10',
      dueOn: '2027-01-11',
    });
  });

  it('half-yearly: by the 15th of the half-year’s first month', () => {
    expect(due('HALF_YEARLY', '2026-03-01T00:00:00Z')).toMatchObject({
      periodStart: new Date('2025-12-31T16:00:00Z'),
      periodEnd: new Date('2026-06-30T16:00:00Z'),
      dueOn: '2026-07-15',
    });
    expect(due('HALF_YEARLY', '2026-09-01T00:00:00Z').dueOn).toBe('2027-01-15');
  });

  it('yearly: by 20 January; a 20 January on a Saturday moves to Monday the 22nd', () => {
    expect(due('YEARLY', '2026-06-01T00:00:00Z')).toMatchObject({
      periodStart: new Date('2025-12-31T16:00:00Z'),
      periodEnd: new Date('2026-12-31T16:00:00Z'),
      dueOn: '2027-01-20',
    });
    expect(due('YEARLY', '2017-06-01T00:00:00Z')).toMatchObject({
      nominalDueOn: '2018-01-20',
      dueOn: '2018-01-22',
    });
  });

  it('weekly: the seven days up to the Friday meeting; a Friday holiday moves it past the holiday week', () => {
    expect(due('WEEKLY', '2026-11-25T00:00:00Z')).toMatchObject({
      periodStart: new Date('2026-11-19T16:00:00Z'), // Friday 20 November, local midnight
      periodEnd: new Date('2026-11-26T16:00:00Z'),
      dueOn: '2026-11-27',
    });
    // National Day: Friday 2 October is off, and so is everything until Wednesday the 7th.
    expect(due('WEEKLY', '2026-09-28T00:00:00Z')).toMatchObject({
      nominalDueOn: '2026-10-02',
      dueOn: '2026-10-08',
    });
    // New Year's Day on a Friday.
    expect(due('WEEKLY', '2026-12-30T00:00:00Z')).toMatchObject({
      nominalDueOn: '2027-01-01',
      dueOn: '2027-01-04',
    });
  });

  it('counts in the property’s zone: New York’s November starts at its own midnight, across the DST change', () => {
    const newYork = weekendCalendar('America/New_York');
    expect(due('MONTHLY', '2026-11-15T12:00:00Z', newYork)).toMatchObject({
      periodStart: new Date('2026-11-01T04:00:00Z'), // still daylight time at midnight on 1 November
      periodEnd: new Date('2026-12-01T05:00:00Z'),
      dueOn: '2026-12-10',
      dueAt: new Date('2026-12-10T05:00:00Z'),
    });
    // 23:30 on 31 October in New York is already November in Shanghai.
    const lateOctober = new Date('2026-11-01T03:30:00Z');
    expect(periodStartOf('MONTHLY', lateOctober, 'America/New_York')).toEqual(
      new Date('2026-10-01T04:00:00Z'),
    );
    expect(periodStartOf('MONTHLY', lateOctober, 'Asia/Shanghai')).toEqual(new Date('2026-10-31T16:00:00Z'));
  });

  it('lists what falls due in a range, soonest first: January 2027 has every kind', () => {
    const january = reportsDueBetween(
      new Date('2026-12-31T16:00:00Z'),
      new Date('2027-01-31T16:00:00Z'),
      shanghai,
    );
    expect(january.map((r) => [r.kind, r.dueOn])).toEqual([
      ['WEEKLY', '2027-01-04'],
      ['WEEKLY', '2027-01-08'],
      ['MONTHLY', '2027-01-11'],
      ['QUARTERLY', '2027-01-11'],
      ['WEEKLY', '2027-01-15'],
      ['HALF_YEARLY', '2027-01-15'],
      ['YEARLY', '2027-01-20'],
      ['WEEKLY', '2027-01-22'],
      ['WEEKLY', '2027-01-29'],
    ]);
  });

  it('the scheduler’s view: the latest report of each kind already due, and the one before it', () => {
    const now = new Date('2027-01-12T02:00:00Z'); // Tuesday 12 January, 10:00 in Shanghai
    const recent = recentlyDue(now, shanghai);
    expect(recent.filter((r) => r.kind === 'MONTHLY').map((r) => r.dueOn)).toEqual([
      '2026-12-11',
      '2027-01-11',
    ]);
    expect(recent.filter((r) => r.kind === 'YEARLY').map((r) => r.dueOn)).toEqual([
      '2025-01-20',
      '2026-01-20',
    ]);
    expect(recent.every((r) => r.dueAt.getTime() <= now.getTime())).toBe(true);
  });
});
