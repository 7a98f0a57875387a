import { tz } from '@date-fns/tz';
import { addDays, format, getISODay } from 'date-fns';

/**
 * A property's working-day calendar: its zone, its weekly rest days, and dated exceptions an
 * administrator maintains (public holidays off, make-up working days 调休 on). Days are the
 * property's local dates (`yyyy-MM-dd`), never the server's.
 */
export interface WorkingCalendar {
  timeZone: string;
  /** ISO weekdays off every week: 6 = Saturday, 7 = Sunday. */
  restWeekdays: readonly number[];
  /** Local dates off although their weekday is worked (public holidays). */
  holidays: readonly string[];
  /** Local dates worked although their weekday is a rest day (调休 make-up days). */
  makeUpWorkdays: readonly string[];
}

/** Saturday and Sunday off, no dated exceptions: the calendar before an administrator adds any. */
export const weekendCalendar = (timeZone: string): WorkingCalendar => ({
  timeZone,
  restWeekdays: [6, 7],
  holidays: [],
  makeUpWorkdays: [],
});

/** The local date of an instant in the calendar's zone. */
export const localDay = (at: Date, timeZone: string): string =>
  format(at, 'yyyy-MM-dd', { in: tz(timeZone) });

export function isWorkingDay(at: Date, calendar: WorkingCalendar): boolean {
  const day = localDay(at, calendar.timeZone);
  if (calendar.makeUpWorkdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  return !calendar.restWeekdays.includes(getISODay(at, { in: tz(calendar.timeZone) }));
}

/**
 * `days` working days after `start`, at the same local time: each following local day counts
 * if it is worked (so a request on Saturday counts from Monday, as a desk would say "five
 * working days"). Steps are local days, so a daylight-saving change keeps the wall-clock time.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const local = { in: tz(calendar.timeZone) };
  let at: Date = start;
  let counted = 0;
  // A year of holidays in a row would be a broken calendar, not a reason to loop for ever.
  for (let step = 0; counted < days && step < 366 + days; step += 1) {
    at = addDays(at, 1, local);
    if (isWorkingDay(at, calendar)) counted += 1;
  }
  return new Date(at.getTime());
}
