import {
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
  isCleanText,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { STAFF_ADMIN_ROLES } from './access.js';
import type { CalendarDay, CalendarRecord, PropertyRecord } from './records.js';

export type { CalendarDay, CalendarRecord } from './records.js';

export const emptyCalendar = (): CalendarRecord => ({
  restWeekdays: [6, 7],
  holidays: [],
  makeUpWorkdays: [],
  seededFrom: null,
});

const dayInput = z.object({
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be yyyy-MM-dd'),
  kind: z.enum(['HOLIDAY', 'MAKE_UP_WORKDAY', 'REGULAR']),
  name: z
    .string()
    .trim()
    .max(100)
    .refine((value) => isCleanText(value), 'must not contain control or bidirectional characters')
    .nullish(),
});

/**
 * Marks one local date of the property's calendar as a holiday, a make-up working day, or back
 * to what its weekday says (`REGULAR`). Requests already open keep the due times they were given.
 */
export function setCalendarDay(
  property: PropertyRecord,
  input: unknown,
  context: CommandContext,
): Decision<PropertyRecord> {
  requireStaffOf(context.actor, property._id, STAFF_ADMIN_ROLES, 'maintain the working calendar');
  const valid = parseInput(dayInput, input);
  const calendar = property.calendar ?? emptyCalendar();
  const other = (days: CalendarDay[]) => days.filter((d) => d.date !== valid.date);
  const entry = {
    date: valid.date,
    name: valid.name || (valid.kind === 'HOLIDAY' ? 'holiday' : 'make-up working day'),
  };
  const next: CalendarRecord = {
    ...calendar,
    holidays: [...other(calendar.holidays), ...(valid.kind === 'HOLIDAY' ? [entry] : [])].sort(byDate),
    makeUpWorkdays: [
      ...other(calendar.makeUpWorkdays),
      ...(valid.kind === 'MAKE_UP_WORKDAY' ? [entry] : []),
    ].sort(byDate),
  };
  if (
    valid.kind === 'REGULAR' &&
    next.holidays.length === calendar.holidays.length &&
    next.makeUpWorkdays.length === calendar.makeUpWorkdays.length
  ) {
    throw new DomainError('NOT_FOUND', 'CALENDAR_DAY_NOT_FOUND', `${valid.date} has no entry to remove`);
  }
  return { record: { ...property, calendar: next }, events: [] };
}

const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);
