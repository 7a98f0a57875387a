import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, isWorkingDay, weekendCalendar, type WorkingCalendar } from './calendar.js';

// China's National Day week 2026 (State Council notice): 1-7 October off, Saturday 10 October worked.
const shanghai: WorkingCalendar = {
  ...weekendCalendar('Asia/Shanghai'),
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-10-10'],
};

describe('working-day arithmetic on a property calendar', () => {
  it('skips the weekend: Friday 10:00 + 5 working days is the next Friday 10:00', () => {
    expect(addWorkingDays(new Date('2026-11-20T02:00:00Z'), 5, weekendCalendar('Asia/Shanghai'))).toEqual(
      new Date('2026-11-27T02:00:00Z'),
    );
  });

  it('skips public holidays and counts the make-up Saturday (调休)', () => {
    // Wednesday 30 September 10:00: Thu 1 Oct … Wed 7 Oct are off (with the weekend), then
    // Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 (4), Tue 13 (5).
    expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 5, shanghai)).toEqual(
      new Date('2026-10-13T02:00:00Z'),
    );
    expect(isWorkingDay(new Date('2026-10-10T02:00:00Z'), shanghai)).toBe(true);
    expect(isWorkingDay(new Date('2026-10-05T02:00:00Z'), shanghai)).toBe(false);
  });

  it('reads days in the property zone: 17:00 UTC on Friday 9 October is already the make-up Saturday in Shanghai', () => {
    const fridayEveningUtc = new Date('2026-10-09T17:00:00Z');
    expect(isWorkingDay(fridayEveningUtc, shanghai)).toBe(true);
    expect(isWorkingDay(fridayEveningUtc, { ...shanghai, timeZone: 'UTC' })).toBe(true);
    // Saturday 01:00 Shanghai + 1 working day = Monday 01:00 Shanghai (the make-up day itself is the start).
    expect(addWorkingDays(fridayEveningUtc, 1, shanghai)).toEqual(new Date('2026-10-11T17:00:00Z'));
    // On a UTC calendar without the exceptions the same instant is Friday: + 1 = Monday 17:00 UTC.
    expect(addWorkingDays(fridayEveningUtc, 1, weekendCalendar('UTC'))).toEqual(
      new Date('2026-10-12T17:00:00Z'),
    );
  });

  it('keeps the local wall-clock time across a daylight-saving change', () => {
    // Friday 30 October 09:00 in Berlin (UTC+1 after 25 October): + 1 working day = Monday 09:00.
    const berlin = weekendCalendar('Europe/Berlin');
    expect(addWorkingDays(new Date('2026-10-23T07:00:00Z'), 1, berlin)).toEqual(
      new Date('2026-10-26T08:00:00Z'),
    );
  });

  it('honours other weekly rest days (a Friday-Saturday weekend)', () => {
    const dubai = { ...weekendCalendar('Asia/Dubai'), restWeekdays: [5, 6] };
    // Thursday 10:00 + 1 working day = Sunday 10:00.
    expect(addWorkingDays(new Date('2026-11-19T06:00:00Z'), 1, dubai)).toEqual(
      new Date('2026-11-22T06:00:00Z'),
    );
  });
});
