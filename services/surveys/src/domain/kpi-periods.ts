import { TZDate } from '@date-fns/tz';
import { DomainError } from '@courtyard/kernel/domain';

/**
 * The periods satisfaction figures are reported for: a calendar month, quarter, half-year or
 * year of the reporting time zone (seed 003 surveys half-yearly, the company reports monthly),
 * or any [from, to) range. Each has a previous period of the same length to compare with.
 */
export const KPI_PERIOD_KINDS = ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'RANGE'] as const;
export type KpiPeriodKind = (typeof KPI_PERIOD_KINDS)[number];

export interface KpiPeriod {
  kind: KpiPeriodKind;
  /** `2026-11`, `2026-Q4`, `2026-H2`, `2026`; for a range its ISO bounds joined by `/`. */
  label: string;
  from: Date;
  to: Date;
}

/** How many months each calendar kind spans. */
const MONTHS: Record<Exclude<KpiPeriodKind, 'RANGE'>, number> = {
  MONTH: 1,
  QUARTER: 3,
  HALF_YEAR: 6,
  YEAR: 12,
};

const PATTERNS: Array<[RegExp, Exclude<KpiPeriodKind, 'RANGE'>]> = [
  [/^(\d{4})-(0[1-9]|1[0-2])$/, 'MONTH'],
  [/^(\d{4})-Q([1-4])$/, 'QUARTER'],
  [/^(\d{4})-H([12])$/, 'HALF_YEAR'],
  [/^(\d{4})$/, 'YEAR'],
];

const invalid = (message: string, details: Record<string, unknown> = {}): never => {
  throw new DomainError('BAD_USER_INPUT', 'INVALID_PERIOD', message, details);
};

/** Local midnight of the first day of `month` (0-based, may overflow into other years) in `timeZone`. */
const startOfMonth = (year: number, month: number, timeZone: string): Date =>
  new Date(new TZDate(year, month, 1, timeZone).getTime());

const labelOf = (kind: Exclude<KpiPeriodKind, 'RANGE'>, year: number, index: number): string => {
  if (kind === 'MONTH') return `${year}-${String(index + 1).padStart(2, '0')}`;
  if (kind === 'QUARTER') return `${year}-Q${index + 1}`;
  if (kind === 'HALF_YEAR') return `${year}-H${index + 1}`;
  return String(year);
};

/** The calendar period `index` (0-based: the month, quarter or half of the year) of `year`. */
function calendarPeriod(
  kind: Exclude<KpiPeriodKind, 'RANGE'>,
  year: number,
  index: number,
  timeZone: string,
): KpiPeriod {
  const span = MONTHS[kind];
  const firstMonth = index * span;
  const normalisedYear = year + Math.floor(firstMonth / 12);
  const normalisedIndex = (((firstMonth % 12) + 12) % 12) / span;
  return {
    kind,
    label: labelOf(kind, normalisedYear, normalisedIndex),
    from: startOfMonth(year, firstMonth, timeZone),
    to: startOfMonth(year, firstMonth + span, timeZone),
  };
}

/** A calendar period from its label (`2026-11`, `2026-Q4`, `2026-H2`, `2026`) in `timeZone`. */
export function namedPeriod(label: string, timeZone: string): KpiPeriod {
  for (const [pattern, kind] of PATTERNS) {
    const match = pattern.exec(label.trim());
    if (!match) continue;
    const year = Number(match[1]);
    const index = kind === 'YEAR' ? 0 : Number(match[2]) - 1;
    return calendarPeriod(kind, year, index, timeZone);
  }
  return invalid('period must be YYYY-MM, YYYY-Q1…Q4, YYYY-H1…H2 or YYYY', { period: label });
}

/** The longest range one figure may cover: ten years (the register is kept that long). */
const LONGEST_RANGE_MS = 3_660 * 24 * 3600_000;

/** Any [from, to) range. */
export function rangePeriod(from: Date, to: Date): KpiPeriod {
  if (!(from.getTime() < to.getTime())) invalid('from must be before to', { from, to });
  if (to.getTime() - from.getTime() > LONGEST_RANGE_MS)
    invalid('a range spans at most ten years', { from, to });
  return { kind: 'RANGE', label: `${from.toISOString()}/${to.toISOString()}`, from, to };
}

/** What a query names: a calendar period, or a range (exactly one of the two). */
export interface PeriodArgs {
  period?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function periodOf(args: PeriodArgs, timeZone: string): KpiPeriod {
  const range = args.from != null || args.to != null;
  if (args.period != null && range) return invalid('give either period or from and to, not both');
  if (args.period != null) return namedPeriod(args.period, timeZone);
  if (args.from == null || args.to == null)
    return invalid('give a period (e.g. 2026-Q4) or both from and to');
  return rangePeriod(args.from, args.to);
}

/**
 * The period of the same length just before: the previous month, quarter, half-year or year
 * (calendar lengths, so November compares with October), or the range of the same duration
 * ending where this one starts.
 */
export function previousPeriod(period: KpiPeriod, timeZone: string): KpiPeriod {
  if (period.kind === 'RANGE') {
    const length = period.to.getTime() - period.from.getTime();
    return rangePeriod(new Date(period.from.getTime() - length), period.from);
  }
  const local = new TZDate(period.from.getTime(), timeZone);
  const span = MONTHS[period.kind];
  const index = Math.floor(local.getMonth() / span);
  return calendarPeriod(period.kind, local.getFullYear(), index - 1, timeZone);
}

/** Whether the period is over at `now` (only an ended period's figures are final, and published). */
export const hasEnded = (period: Pick<KpiPeriod, 'to'>, now: Date): boolean =>
  period.to.getTime() <= now.getTime();
