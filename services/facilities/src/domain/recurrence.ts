import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { RRuleTemporal } from 'rrule-temporal';
import { DomainError } from '@courtyard/kernel/domain';
import type { RecurrenceKind } from './maintenance-catalogue.js';
import type { RecurrenceRecord } from './records.js';

/**
 * Recurrence by RFC 5545 rules, expanded by rrule-temporal in the property's zone (Temporal
 * ZonedDateTime arithmetic, so "midnight on the 1st" stays midnight across daylight saving).
 * Each occurrence starts a period; the period ends where the next begins, and the task of a
 * period is due at its end. The kinds are calendar-aligned: months, half years from 1 January
 * and 1 July, years from 1 January.
 */
const RULE_OF_KIND: Record<Exclude<RecurrenceKind, 'RRULE'>, string> = {
  DAILY: 'FREQ=DAILY',
  MONTHLY: 'FREQ=MONTHLY;BYMONTHDAY=1',
  TWICE_A_YEAR: 'FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1',
  YEARLY: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1',
};

/** Anything finer than a day would flood the task list: a plan recurs daily at most. */
const ALLOWED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

export interface Period {
  start: Date;
  end: Date;
}

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('BAD_USER_INPUT', 'INVALID_RECURRENCE', message, details);

/** The local date `at` falls on in `timeZone`, YYYY-MM-DD. */
export const localDate = (at: Date, timeZone: string): string =>
  format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');

/**
 * The recurrence a plan stores: the kind's rule, or the RRULE given (its `RRULE:` prefix
 * optional; DTSTART comes from `startsOn`, COUNT and UNTIL are honoured), checked by expanding it.
 */
export function recurrenceOf(
  kind: RecurrenceKind,
  rrule: string | null,
  startsOn: string,
  timeZone: string,
): RecurrenceRecord {
  let rule: string;
  if (kind === 'RRULE') {
    if (!rrule) throw invalid('An RRULE recurrence needs its rule, e.g. FREQ=WEEKLY;BYDAY=MO');
    rule = rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .toUpperCase();
    if (/[\r\n]|DTSTART/.test(rule))
      throw invalid('Give the RRULE alone: the plan starts on its startsOn date', { rrule });
    const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(rule)?.[1];
    if (!freq || !ALLOWED_FREQUENCIES.has(freq))
      throw invalid('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY', { rrule });
  } else {
    if (rrule) throw invalid(`A ${kind} recurrence takes no rule; use kind RRULE for your own`);
    rule = RULE_OF_KIND[kind];
  }
  const recurrence: RecurrenceRecord = { kind, rrule: rule, startsOn };
  try {
    ruleOf(recurrence, timeZone).next(new Date(`${startsOn}T00:00:00Z`), true);
  } catch (error) {
    throw invalid(`The RRULE cannot be expanded: ${(error as Error).message}`, { rrule });
  }
  return recurrence;
}

/**
 * The rule anchored in the zone. Calendar kinds start at 1 January of the start year (so their
 * periods are whole months, halves and years, the one holding `startsOn` included); DAILY and
 * RRULE at midnight of `startsOn`.
 */
function ruleOf(recurrence: RecurrenceRecord, timeZone: string): RRuleTemporal {
  const anchor =
    recurrence.kind === 'DAILY' || recurrence.kind === 'RRULE'
      ? recurrence.startsOn
      : `${recurrence.startsOn.slice(0, 4)}-01-01`;
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${timeZone}:${anchor.replaceAll('-', '')}T000000\nRRULE:${recurrence.rrule}`,
  });
}

const toDate = (occurrence: { epochMilliseconds: number }) => new Date(occurrence.epochMilliseconds);

/**
 * The periods that overlap [from, to): each from one occurrence to the next. A last occurrence
 * with none after it (COUNT or UNTIL reached) opens no period, since a task needs a due time.
 */
export function periodsOverlapping(
  recurrence: RecurrenceRecord,
  timeZone: string,
  from: Date,
  to: Date,
): Period[] {
  if (to.getTime() <= from.getTime()) return [];
  const rule = ruleOf(recurrence, timeZone);
  const first = rule.previous(from, true) ?? rule.next(from, true);
  if (!first) return [];
  const after = rule.next(to, true);
  const starts = rule.between(first, after ?? to, true).map(toDate);
  const periods: Period[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const period = { start: starts[i]!, end: starts[i + 1]! };
    if (period.end.getTime() > from.getTime() && period.start.getTime() < to.getTime()) periods.push(period);
  }
  return periods;
}

/** The period that starts at or after `at` (the one after a completed task's), or null. */
export function periodFrom(recurrence: RecurrenceRecord, timeZone: string, at: Date): Period | null {
  const rule = ruleOf(recurrence, timeZone);
  const start = rule.next(at, true);
  const end = start && rule.next(start, false);
  return start && end ? { start: toDate(start), end: toDate(end) } : null;
}
