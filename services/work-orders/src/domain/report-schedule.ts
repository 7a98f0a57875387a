import { tz } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, format, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { domainEvent, type CommandContext, type Decision } from '@courtyard/kernel/domain';
import { isWorkingDay, type WorkingCalendar } from './calendar.js';
import type { SlaReportDueRecord } from './records.js';
import type { SlaReportData } from './sla-report.js';

/**
 * The periodic SLA reports and when each is due. Seed 004 (F004 M 四): the weekly customer
 * service report at the Friday department meeting. Seed 001-S (附则 4, N27–N31): monthly by the
 * 10th, quarterly by the 10th of the quarter's first month, half-yearly by the 15th of the
 * half-year's first month, yearly by 20 January, "如遇节假日可顺延": a due date on a holiday or a
 * rest day moves to the next working day of the property's calendar.
 */
export const REPORT_KINDS = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report of one kind for one period, and the day it is due. */
export interface DueReport {
  kind: ReportKind;
  /** The first instant the report covers (local midnight in the property's zone). */
  periodStart: Date;
  /** The first instant after it (exclusive). */
  periodEnd: Date;
  /** The rule's date before moving past holidays (`yyyy-MM-dd`, local). */
  nominalDueOn: string;
  /** The working day it is due on (`yyyy-MM-dd`, local). */
  dueOn: string;
  /** When it falls due: the start of `dueOn` in the property's zone. */
  dueAt: Date;
}

/** A due report of one property (what the API lists; its figures are read for the period). */
export interface PropertyDueReport extends DueReport {
  propertyId: string;
}

/** Months per period, and the day of the next period's first month the report is due. */
const CALENDAR_PERIODS: Record<Exclude<ReportKind, 'WEEKLY'>, { months: number; dueDay: number }> = {
  MONTHLY: { months: 1, dueDay: 10 },
  QUARTERLY: { months: 3, dueDay: 10 },
  HALF_YEARLY: { months: 6, dueDay: 15 },
  YEARLY: { months: 12, dueDay: 20 },
};

/**
 * The start of the period of `kind` that contains `at`, in the zone. A weekly report covers the
 * seven days up to its Friday (Friday 00:00 to Friday 00:00), so the meeting sees a whole week.
 */
export function periodStartOf(kind: ReportKind, at: Date, timeZone: string): Date {
  const local = { in: tz(timeZone) };
  if (kind === 'WEEKLY') return new Date(startOfWeek(at, { ...local, weekStartsOn: 5 }).getTime());
  const { months } = CALENDAR_PERIODS[kind];
  const month = Number(format(at, 'M', local)) - 1;
  const first = startOfMonth(at, local);
  return new Date(addMonths(first, -(month % months), local).getTime());
}

function periodEndOf(kind: ReportKind, start: Date, timeZone: string): Date {
  const local = { in: tz(timeZone) };
  if (kind === 'WEEKLY') return new Date(addWeeks(start, 1, local).getTime());
  return new Date(addMonths(start, CALENDAR_PERIODS[kind].months, local).getTime());
}

/** The first working day on or after `day` (a year of days off in a row is a broken calendar). */
export function workingDayOnOrAfter(day: Date, calendar: WorkingCalendar): Date {
  const local = { in: tz(calendar.timeZone) };
  let at = startOfDay(day, local);
  for (let step = 0; step < 366 && !isWorkingDay(at, calendar); step += 1) at = addDays(at, 1, local);
  return new Date(at.getTime());
}

/** The report of `kind` for the period starting at `periodStart`, with its due day moved past holidays. */
export function dueReport(kind: ReportKind, periodStart: Date, calendar: WorkingCalendar): DueReport {
  const local = { in: tz(calendar.timeZone) };
  const periodEnd = periodEndOf(kind, periodStart, calendar.timeZone);
  const nominal =
    kind === 'WEEKLY'
      ? periodEnd
      : addDays(startOfMonth(periodEnd, local), CALENDAR_PERIODS[kind].dueDay - 1, local);
  const due = workingDayOnOrAfter(nominal, calendar);
  return {
    kind,
    periodStart,
    periodEnd,
    nominalDueOn: format(nominal, 'yyyy-MM-dd', local),
    dueOn: format(due, 'yyyy-MM-dd', local),
    dueAt: due,
  };
}

/**
 * Every report of every kind that falls due in `[from, to)`, soonest first. A report falls due
 * after its period ends, so the periods looked at start at most a year and a quarter before `from`.
 */
export function reportsDueBetween(from: Date, to: Date, calendar: WorkingCalendar): DueReport[] {
  const { timeZone } = calendar;
  const found: DueReport[] = [];
  for (const kind of REPORT_KINDS) {
    // The period a year before `from`: its report is due (at the latest, moved past a long
    // holiday) well before `from`; walk forward until a period's report is due at or after `to`.
    let start = periodStartOf(kind, new Date(from.getTime() - 400 * 86_400_000), timeZone);
    for (let step = 0; step < 2_000; step += 1) {
      const report = dueReport(kind, start, calendar);
      if (report.dueAt.getTime() >= to.getTime()) break;
      if (report.dueAt.getTime() >= from.getTime()) found.push(report);
      start = report.periodEnd;
    }
  }
  return found.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || kindOrder(a) - kindOrder(b));
}

const kindOrder = (report: DueReport) => REPORT_KINDS.indexOf(report.kind);

/**
 * The latest report of each kind already due at `now` (what the scheduler announces), and the
 * one before it, so a scheduler that was down across a due day still announces the one it missed.
 */
export function recentlyDue(now: Date, calendar: WorkingCalendar, perKind = 2): DueReport[] {
  const { timeZone } = calendar;
  const found: DueReport[] = [];
  for (const kind of REPORT_KINDS) {
    const mine: DueReport[] = [];
    // Two years back: the yearly report before last is among them.
    let start = periodStartOf(kind, new Date(now.getTime() - 800 * 86_400_000), timeZone);
    for (let step = 0; step < 2_000; step += 1) {
      const report = dueReport(kind, start, calendar);
      if (report.dueAt.getTime() > now.getTime()) break;
      mine.push(report);
      start = report.periodEnd;
    }
    found.push(...mine.slice(-perKind));
  }
  return found;
}

/** The stable key of a report: one announcement per property, kind and period. */
export const dueReportKey = (propertyId: string, report: Pick<DueReport, 'kind' | 'periodStart'>) =>
  `${propertyId}:${report.kind}:${report.periodStart.toISOString()}`;

/**
 * The announcement of a report that fell due (`sla_report.due.v1`, with the period's headline
 * figures): a record whose `_id` is the report's key, so its insert is the once, across restarts
 * and replicas.
 */
export function announceDue(
  propertyId: string,
  timeZone: string,
  report: DueReport,
  figures: Pick<SlaReportData, 'requests' | 'clocks'>,
  context: CommandContext,
): Decision<SlaReportDueRecord> {
  const id = dueReportKey(propertyId, report);
  const record: SlaReportDueRecord = {
    _id: id,
    version: 1,
    createdAt: context.now,
    propertyId,
    kind: report.kind,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    dueOn: report.dueOn,
    dueAt: report.dueAt,
  };
  const event = domainEvent(
    'sla_report.due.v1',
    { id, propertyId },
    {
      reportId: id,
      propertyId,
      kind: report.kind,
      periodStart: report.periodStart.toISOString(),
      periodEnd: report.periodEnd.toISOString(),
      nominalDueOn: report.nominalDueOn,
      dueOn: report.dueOn,
      dueAt: report.dueAt.toISOString(),
      timeZone,
      requests: figures.requests,
      met: figures.clocks.reduce((sum, clock) => sum + clock.met, 0),
      breached: figures.clocks.reduce((sum, clock) => sum + clock.breached, 0),
    },
    context,
  );
  return { record, events: [event] };
}
