import { DomainError } from '@courtyard/kernel/domain';
import type { BillingCycle } from './records.js';

export interface Period {
  readonly period: string;
  readonly cycle: BillingCycle;
  /** First and last day, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  readonly months: number;
  /** The last day of the period's first month. */
  readonly dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2027-Q1" (a quarter) or "2027-01" (a month). The input schema has checked the form. */
export function periodOf(period: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  const match = quarter ?? month;
  if (!match)
    throw new DomainError('BAD_USER_INPUT', 'VALIDATION_FAILED', 'A period is YYYY-MM or YYYY-Q1…Q4', {
      period,
    });
  const year = Number(match[1]);
  const first = quarter ? (Number(match[2]) - 1) * 3 + 1 : Number(match[2]);
  const months = quarter ? 3 : 1;
  const last = first + months - 1;
  return {
    period,
    cycle: quarter ? 'QUARTERLY' : 'MONTHLY',
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    months,
    dueOn: `${year}-${pad(first)}-${pad(lastDay(year, first))}`,
  };
}

/** A property billed quarterly is billed by quarters, a monthly one by months. */
export function requireCycle(period: Period, cycle: BillingCycle): void {
  if (period.cycle === cycle) return;
  throw new DomainError(
    'BAD_USER_INPUT',
    'PERIOD_NOT_IN_CYCLE',
    `This property is billed ${cycle.toLowerCase()}: ask for ${cycle === 'QUARTERLY' ? 'YYYY-Q1…Q4' : 'YYYY-MM'}`,
    { period: period.period, billingCycle: cycle },
  );
}

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);
