import { createRequire } from 'node:module';
import type { CalendarRecord } from '../domain/working-calendar.js';

/**
 * The public holidays and make-up working days (调休) of mainland China, from the `chinese-days`
 * library (data per the State Council's yearly notice, 2004 to the latest year announced when the
 * pinned version was released). Only the dated entries from `fromYear` on are seeded: older
 * ones cannot move a due time. Administrators maintain the rest (a new year's notice, a
 * property's own closures) with `setWorkingCalendarDay`.
 */
const LIBRARY = 'chinese-days@1.5.7';
const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC']);

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDays;

/** `National Day,国庆节,3` → `国庆节 (National Day)`. */
const nameOf = (value: string) => {
  const [english, chinese] = value.split(',');
  return chinese && english ? `${chinese} (${english})` : value;
};
const entries = (days: Record<string, string>, fromYear: number) =>
  Object.entries(days)
    .filter(([date]) => Number(date.slice(0, 4)) >= fromYear)
    .map(([date, value]) => ({ date, name: nameOf(value) }))
    .sort((a, b) => a.date.localeCompare(b.date));

/** The seed for a property in `timeZone` created in `year`: China's days, or none elsewhere. */
export function holidaySeed(
  timeZone: string,
  year: number,
): Pick<CalendarRecord, 'holidays' | 'makeUpWorkdays' | 'seededFrom'> {
  if (!CHINA_ZONES.has(timeZone)) return { holidays: [], makeUpWorkdays: [], seededFrom: null };
  return {
    holidays: entries(data.holidays, year - 1),
    makeUpWorkdays: entries(data.workdays, year - 1),
    seededFrom: LIBRARY,
  };
}
