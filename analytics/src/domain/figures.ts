/** What happened at one property on one calendar day. */
export interface DailyFigures {
  /** Help requests recorded (workorder.received.v1). */
  opened: number;
  /** Help requests closed (workorder.closed.v1). */
  closed: number;
  /** Fixes delivered; a fix the resident rejects and the next one count as two. */
  resolved: number;
  /** Fixes delivered by the due time the request carried at that moment. */
  resolvedWithinSla: number;
  /** Survey responses with a score (survey.completed.v1), a phone follow-up (回访) among them; the name is kept for existing readers. */
  followUps: number;
  satisfied: number;
  payments: number;
  /** Money collected per currency, in integer minor units (fen), never floating point (spec §4). */
  collected: Readonly<Record<string, number>>;
}

export const NO_FIGURES: DailyFigures = {
  opened: 0,
  closed: 0,
  resolved: 0,
  resolvedWithinSla: 0,
  followUps: 0,
  satisfied: 0,
  payments: 0,
  collected: {},
};

export type FigureChange = (figures: DailyFigures) => DailyFigures;

/**
 * The one way satisfaction enters the figures: a completed survey with a score (surveys.ts), 4 or
 * 5 "satisfied" (spec §5). A phone survey is also the follow-up record, so the work-order
 * follow-up event it causes is not counted again.
 */
export const recordSatisfaction =
  (satisfied: boolean): FigureChange =>
  (figures) => ({
    ...figures,
    followUps: figures.followUps + 1,
    satisfied: figures.satisfied + (satisfied ? 1 : 0),
  });

export function addFigures(a: DailyFigures, b: DailyFigures): DailyFigures {
  const collected: Record<string, number> = { ...a.collected };
  for (const [currency, amount] of Object.entries(b.collected)) {
    collected[currency] = (collected[currency] ?? 0) + amount;
  }
  return {
    opened: a.opened + b.opened,
    closed: a.closed + b.closed,
    resolved: a.resolved + b.resolved,
    resolvedWithinSla: a.resolvedWithinSla + b.resolvedWithinSla,
    followUps: a.followUps + b.followUps,
    satisfied: a.satisfied + b.satisfied,
    payments: a.payments + b.payments,
    collected,
  };
}

/** A record's own entry only: keys come from event data, and `__proto__` must not read the prototype. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
