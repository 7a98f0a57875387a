import { unitAccount, type UnitEntries } from './accounts.js';
import { CURRENCY } from './money.js';

/**
 * Arrears ageing: what is overdue, by how many days after its due date, as of a given day (an
 * argument, so any day can be asked and tested). Derived from the same account as every
 * balance: only entries recorded by the end of `asOf` count, each bill's outstanding balance is
 * aged by its own due date (payments pay the oldest first, so what remains is the newest).
 * A bill is overdue from the day after its due date: day 1–30 is the first bucket.
 */
export interface Ageing {
  readonly asOf: string;
  readonly currency: string;
  readonly days0To30: number;
  readonly days31To90: number;
  readonly days91To180: number;
  readonly over180Days: number;
  readonly total: number;
}

export interface UnitArrearsView {
  readonly unitId: string;
  readonly ageing: Ageing;
}

export interface PropertyArrearsView {
  readonly propertyId: string;
  readonly ageing: Ageing;
  /** Units with something overdue, the most owed first. */
  readonly units: readonly UnitArrearsView[];
}

const DAY_MS = 86_400_000;
/** Whole days from `from` to `to` (YYYY-MM-DD, UTC calendar days). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const empty = (asOf: string, currency: string): Mutable<Ageing> => ({
  asOf,
  currency,
  days0To30: 0,
  days31To90: 0,
  days91To180: 0,
  over180Days: 0,
  total: 0,
});

/** The bucket a number of days overdue falls in (1–30, 31–90, 91–180, over 180). */
export function bucketOf(daysOverdue: number): Exclude<keyof Ageing, 'asOf' | 'currency' | 'total'> {
  if (daysOverdue <= 30) return 'days0To30';
  if (daysOverdue <= 90) return 'days31To90';
  if (daysOverdue <= 180) return 'days91To180';
  return 'over180Days';
}

/** The entries recorded by the end of `asOf`: the account as it stood that day. */
export function asOfDay(entries: UnitEntries, asOf: string): UnitEntries {
  const end = Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
  const by = <T extends { createdAt: Date }>(records: readonly T[]) =>
    records.filter((record) => record.createdAt.getTime() < end);
  return {
    bills: by(entries.bills),
    payments: by(entries.payments),
    reversals: by(entries.reversals),
    refunds: by(entries.refunds),
  };
}

export function unitAgeing(entries: UnitEntries, asOf: string): Ageing {
  const then = asOfDay(entries, asOf);
  const account = unitAccount(then);
  const ageing = { ...empty(asOf, account.currency) };
  for (const bill of then.bills) {
    const balance = account.charges.get(bill._id)?.balance ?? 0;
    const overdue = daysBetween(bill.dueOn, asOf);
    if (balance <= 0 || overdue <= 0) continue;
    ageing[bucketOf(overdue)] += balance;
    ageing.total += balance;
  }
  return ageing;
}

/** A property's ageing: each unit's, and their sum. */
export function propertyArrears(
  propertyId: string,
  entriesByUnit: ReadonlyMap<string, UnitEntries>,
  asOf: string,
): PropertyArrearsView {
  const units = [...entriesByUnit]
    .map(([unitId, entries]) => ({ unitId, ageing: unitAgeing(entries, asOf) }))
    .filter((unit) => unit.ageing.total > 0)
    .sort((a, b) => b.ageing.total - a.ageing.total || (a.unitId < b.unitId ? -1 : 1));
  const ageing = units.reduce<Ageing>(
    (total, { ageing: unit }) => ({
      ...total,
      days0To30: total.days0To30 + unit.days0To30,
      days31To90: total.days31To90 + unit.days31To90,
      days91To180: total.days91To180 + unit.days91To180,
      over180Days: total.over180Days + unit.over180Days,
      total: total.total + unit.total,
    }),
    empty(asOf, units[0]?.ageing.currency ?? CURRENCY),
  );
  return { propertyId, ageing, units };
}
