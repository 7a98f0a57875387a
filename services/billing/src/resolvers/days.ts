import { dayOf } from '../domain/periods.js';

/** A `LocalDate` argument as YYYY-MM-DD, or the request clock's day when it is absent. */
export const dayOrToday = (day: unknown, now: Date): string =>
  typeof day === 'string' ? day : day instanceof Date ? dayOf(day) : dayOf(now);
