import { describe, expect, it } from '@jest/globals';
import { staff } from './fixtures.js';
import { currentShift, isCalendarDay, nextShift, shiftsStarting } from './roster.js';
import { isOnDuty } from './staff.js';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

describe('shift resolution with an injected clock', () => {
  // Monday 2026-11-23; Shanghai is UTC+8 all year.
  const nights = staff({ roster: [{ weekday: 1, start: '22:00', end: '06:00' }] });

  it('a night shift runs across midnight into the next local day', () => {
    const shift = currentShift(nights, at('2026-11-23T20:30:00Z')); // Tuesday 04:30 Shanghai
    expect(shift).toMatchObject({ day: '2026-11-23', source: 'ROSTER' });
    expect([iso(shift?.start), iso(shift?.end)]).toEqual([
      '2026-11-23T14:00:00.000Z',
      '2026-11-23T22:00:00.000Z',
    ]);
    expect(currentShift(nights, at('2026-11-23T22:00:00Z'))).toBeNull(); // 06:00: it has ended
    expect(currentShift(nights, at('2026-11-23T13:59:00Z'))).toBeNull(); // 21:59 Monday: not yet
  });

  it('reads the roster in the staff member’s own time zone, daylight saving included', () => {
    const newYork = staff({
      timeZone: 'America/New_York',
      roster: [{ weekday: 7, start: '00:00', end: '06:00' }],
    });
    // Sunday 2026-03-08: clocks go from 02:00 to 03:00, so the shift is five hours long.
    const shift = currentShift(newYork, at('2026-03-08T06:00:00Z')); // 01:00 EST
    expect([iso(shift?.start), iso(shift?.end)]).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T10:00:00.000Z',
    ]);
    // The same instant is Sunday 14:00 in Shanghai: off duty there.
    expect(
      isOnDuty(staff({ roster: [{ weekday: 7, start: '00:00', end: '06:00' }] }), at('2026-03-08T06:00:00Z')),
    ).toBe(false);
  });

  it('a one-off change of a day replaces that day’s weekly shifts (a swap)', () => {
    const swapped = staff({
      shiftChanges: [
        { day: '2026-11-23', shifts: [{ start: '13:00', end: '21:00' }], reason: 'swap with Zhao' },
      ],
    });
    expect(isOnDuty(swapped, at('2026-11-23T02:00:00Z'))).toBe(false); // 10:00: the weekly 08-17 is off
    expect(currentShift(swapped, at('2026-11-23T12:00:00Z'))).toMatchObject({ source: 'CHANGE' }); // 20:00
    expect(isOnDuty(swapped, at('2026-11-24T02:00:00Z'))).toBe(true); // Tuesday: the roster again
    const dayOff = staff({ shiftChanges: [{ day: '2026-11-23', shifts: [], reason: 'day off in lieu' }] });
    expect(shiftsStarting(dayOff, '2026-11-23')).toEqual([]);
  });

  it('leave removes every shift starting on its days; a night shift begun before it still ends', () => {
    const onLeave = staff({ leave: [{ from: '2026-11-23', to: '2026-11-24', reason: 'annual leave' }] });
    expect(isOnDuty(onLeave, at('2026-11-23T02:00:00Z'))).toBe(false);
    expect(isOnDuty(onLeave, at('2026-11-24T02:00:00Z'))).toBe(false);
    expect(isOnDuty(onLeave, at('2026-11-25T02:00:00Z'))).toBe(true); // Wednesday, back
    const sundayNight = staff({
      roster: [{ weekday: 7, start: '22:00', end: '06:00' }],
      leave: [{ from: '2026-11-23', to: '2026-11-23', reason: 'sick' }],
    });
    expect(isOnDuty(sundayNight, at('2026-11-22T20:00:00Z'))).toBe(true); // Monday 04:00, Sunday's shift
  });

  it('nobody deactivated is ever on duty; the next shift is found across days', () => {
    expect(isOnDuty(staff({ active: false }), at('2026-11-23T02:00:00Z'))).toBe(false);
    const friday = at('2026-11-27T10:00:00Z'); // Friday 18:00, after the shift
    expect(iso(nextShift(staff(), friday)?.start)).toBe('2026-11-30T00:00:00.000Z'); // Monday 08:00
    expect(nextShift(staff({ roster: [] }), friday)).toBeNull();
  });

  it('knows a calendar date from a string that only looks like one', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-2-1')).toBe(false);
  });
});
