import { TZDate } from '@date-fns/tz';
import { addDays, getISODay } from 'date-fns';
import { localDay } from './calendar.js';
import type { StaffRecord } from './records.js';

/**
 * Who works when (spec §2 rule 5, issue 19): the weekly roster, a one-off change of a given day
 * (a swap, an extra or shortened shift, a day off) and leave, in the staff member's own zone.
 * A shift belongs to the local day it starts on; an end at or before its start runs into the next
 * day (a night shift, or 24 hours for `00:00`-`00:00`). Arithmetic goes through date-fns with
 * `@date-fns/tz`, the subgraph's date library, so a shift across a daylight-saving change is as
 * long as the wall clock says.
 */

/** One shift as instants. */
export interface ShiftWindow {
  /** The local day (`yyyy-MM-dd`) it starts on. */
  day: string;
  start: Date;
  end: Date;
  /** Where it comes from: the weekly roster, or a one-off change of that day. */
  source: 'ROSTER' | 'CHANGE';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a `yyyy-MM-dd` string is a real calendar date (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The instant of a local day and `HH:MM` in a zone (`24:00` is the next day's midnight). */
function instant(day: string, hhmm: string, timeZone: string): TZDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, h, min, timeZone);
}

/** The local day `days` after `day` (calendar days, whatever the offsets). */
export function shiftDay(day: string, days: number, timeZone: string): string {
  return localDay(addDays(instant(day, '12:00', timeZone), days), timeZone);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** A shift's start and end as instants: the end rolls to the next day when not after the start. */
export function windowOf(
  day: string,
  times: { start: string; end: string },
  timeZone: string,
  source: ShiftWindow['source'],
): ShiftWindow {
  const start = instant(day, times.start, timeZone);
  const endDay = minutesOf(times.end) > minutesOf(times.start) ? day : shiftDay(day, 1, timeZone);
  const end = instant(endDay, times.end, timeZone);
  return { day, start: new Date(+start), end: new Date(+end), source };
}

/** The ISO weekday (1 = Monday) of a local day. */
export const weekdayOf = (day: string, timeZone: string): number =>
  getISODay(instant(day, '12:00', timeZone));

/** Whether the staff member is on leave on a local day (inclusive ranges). */
export const onLeave = (staff: StaffRecord, day: string): boolean =>
  (staff.leave ?? []).some((leave) => leave.from <= day && day <= leave.to);

/** The shifts that start on a local day: none when inactive or on leave; a one-off change wins. */
export function shiftsStarting(staff: StaffRecord, day: string): ShiftWindow[] {
  if (staff.active === false || onLeave(staff, day)) return [];
  const change = (staff.shiftChanges ?? []).find((c) => c.day === day);
  if (change) return change.shifts.map((s) => windowOf(day, s, staff.timeZone, 'CHANGE'));
  const weekday = weekdayOf(day, staff.timeZone);
  return staff.roster
    .filter((s) => s.weekday === weekday)
    .map((s) => windowOf(day, s, staff.timeZone, 'ROSTER'));
}

/** The shift the staff member is working at `at` (yesterday's night shift included), or null. */
export function currentShift(staff: StaffRecord, at: Date): ShiftWindow | null {
  const today = localDay(at, staff.timeZone);
  const candidates = [
    ...shiftsStarting(staff, shiftDay(today, -1, staff.timeZone)),
    ...shiftsStarting(staff, today),
  ];
  const covering = candidates.filter(
    (s) => s.start.getTime() <= at.getTime() && at.getTime() < s.end.getTime(),
  );
  // Overlaps are refused when rosters are written; of old overlapping data, the latest start wins.
  return covering.sort((a, b) => b.start.getTime() - a.start.getTime())[0] ?? null;
}

/** The next shift starting after `at`, looking `days` local days ahead (null: none). */
export function nextShift(staff: StaffRecord, at: Date, days = 8): ShiftWindow | null {
  const today = localDay(at, staff.timeZone);
  for (let offset = 0; offset <= days; offset += 1) {
    const found = shiftsStarting(staff, shiftDay(today, offset, staff.timeZone))
      .filter((s) => s.start.getTime() > at.getTime())
      .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
    if (found) return found;
  }
  return null;
}

/** Overlapping `[start, end)` pairs among shifts, as indexes (the first pair found), or null. */
export function firstOverlap(windows: readonly ShiftWindow[]): [number, number] | null {
  for (let i = 0; i < windows.length; i += 1) {
    for (let j = i + 1; j < windows.length; j += 1) {
      const a = windows[i]!;
      const b = windows[j]!;
      if (a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime()) return [i, j];
    }
  }
  return null;
}
