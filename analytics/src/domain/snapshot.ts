import { listPartitions, type AnalyticsState } from './consumption.js';
import { addFigures, NO_FIGURES, type DailyFigures } from './figures.js';

/** The figures as people read them: counts with their rates. */
export interface FigureView {
  helpRequests: { opened: number; closed: number };
  sla: { resolved: number; withinSla: number; complianceRate: number | null };
  satisfaction: { followUps: number; satisfied: number; rate: number | null };
  /** Amounts in integer minor units (fen). */
  collections: { payments: number; collected: Array<{ currency: string; amount: number }> };
}

export interface PropertyKpis {
  propertyId: string;
  totals: FigureView;
  days: Array<{ day: string } & FigureView>;
}

export interface KpiSnapshot {
  timeZone: string;
  properties: PropertyKpis[];
  consumption: {
    applied: number;
    duplicates: number;
    deadLettered: number;
    ignored: Array<{ type: string; count: number }>;
    positions: Array<{ topic: string; partition: number; nextOffset: string }>;
  };
}

/** Four decimals: a rate to 0.01 %, and the same text on every run. */
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function viewOf(figures: DailyFigures): FigureView {
  return {
    helpRequests: { opened: figures.opened, closed: figures.closed },
    sla: {
      resolved: figures.resolved,
      withinSla: figures.resolvedWithinSla,
      complianceRate: rate(figures.resolvedWithinSla, figures.resolved),
    },
    satisfaction: {
      followUps: figures.followUps,
      satisfied: figures.satisfied,
      rate: rate(figures.satisfied, figures.followUps),
    },
    collections: {
      payments: figures.payments,
      collected: Object.entries(figures.collected)
        .sort(([a], [b]) => byName(a, b))
        .map(([currency, amount]) => ({ currency, amount })),
    },
  };
}

/**
 * Sorted throughout, so two states holding the same figures give the same snapshot whatever
 * order the partitions were interleaved in.
 */
export function toSnapshot(state: AnalyticsState): KpiSnapshot {
  const properties = Object.entries(state.kpis.byProperty)
    .sort(([a], [b]) => byName(a, b))
    .map(([propertyId, days]) => {
      const ordered = Object.entries(days).sort(([a], [b]) => byName(a, b));
      return {
        propertyId,
        totals: viewOf(ordered.reduce((sum, [, figures]) => addFigures(sum, figures), NO_FIGURES)),
        days: ordered.map(([day, figures]) => ({ day, ...viewOf(figures) })),
      };
    });
  const positions = listPartitions(state).map(({ topic, partition, progress }) => ({
    topic,
    partition,
    nextOffset: progress.nextOffset,
  }));
  const { applied, duplicates, deadLettered, ignored } = state.tallies;
  return {
    timeZone: state.timeZone,
    properties,
    consumption: {
      applied,
      duplicates,
      deadLettered,
      ignored: Object.entries(ignored)
        .sort(([a], [b]) => byName(a, b))
        .map(([type, count]) => ({ type, count })),
      positions,
    },
  };
}

/** The snapshot of the latest state, computed once per state rather than once per request. */
export function latestSnapshot(current: () => AnalyticsState): () => KpiSnapshot {
  let last: { state: AnalyticsState; snapshot: KpiSnapshot } | undefined;
  return () => {
    const state = current();
    if (last?.state !== state) last = { state, snapshot: toSnapshot(state) };
    return last.snapshot;
  };
}
