import { listPartitions, partitionKey, type AnalyticsState } from '../domain/consumption.js';
import type { DailyFigures } from '../domain/figures.js';
import type { Position } from '../domain/first-folds.js';

/**
 * The stored form of the state: rows instead of maps, because map keys would be property ids,
 * event types and topic names, and MongoDB field names must not hold dots.
 */
export interface AnalyticsStateDocument {
  /** The consumer group: the stored offsets are that group's position. */
  _id: string;
  /** Bumped on every write; a second instance of the group loses the race instead of overwriting. */
  revision: number;
  timeZone: string;
  figures: Array<
    Omit<DailyFigures, 'collected'> & {
      propertyId: string;
      day: string;
      collected: Array<{ currency: string; amount: number }>;
    }
  >;
  partitions: Array<{
    topic: string;
    partition: number;
    nextOffset: string;
    /** Written before `seen_events` existed: the partition's last folded ids (see `legacyRecords`). */
    recentEventIds?: string[];
  }>;
  tallies: {
    applied: number;
    duplicates: number;
    deadLettered: number;
    ignored: Array<{ type: string; count: number }>;
  };
  savedAt: Date;
}

export function toDocument(
  groupId: string,
  state: AnalyticsState,
  revision: number,
  savedAt: Date,
): AnalyticsStateDocument {
  return {
    _id: groupId,
    revision,
    timeZone: state.timeZone,
    figures: Object.entries(state.kpis.byProperty).flatMap(([propertyId, days]) =>
      Object.entries(days).map(([day, figures]) => ({
        ...figures,
        propertyId,
        day,
        collected: Object.entries(figures.collected).map(([currency, amount]) => ({ currency, amount })),
      })),
    ),
    partitions: listPartitions(state).map(({ topic, partition, progress }) => ({
      topic,
      partition,
      nextOffset: progress.nextOffset,
    })),
    tallies: {
      ...state.tallies,
      ignored: Object.entries(state.tallies.ignored).map(([type, count]) => ({ type, count })),
    },
    savedAt,
  };
}

export function fromDocument(document: AnalyticsStateDocument): AnalyticsState {
  // Maps, not `??=` on a plain object: a property id of `__proto__` must stay data.
  const byProperty = new Map<string, Array<[string, DailyFigures]>>();
  for (const { propertyId, day, collected, ...counts } of document.figures) {
    const days = byProperty.get(propertyId) ?? [];
    byProperty.set(propertyId, days);
    days.push([
      day,
      {
        opened: counts.opened,
        closed: counts.closed,
        resolved: counts.resolved,
        resolvedWithinSla: counts.resolvedWithinSla,
        followUps: counts.followUps,
        satisfied: counts.satisfied,
        payments: counts.payments,
        collected: Object.fromEntries(collected.map(({ currency, amount }) => [currency, amount])),
      },
    ]);
  }
  return {
    timeZone: document.timeZone,
    kpis: {
      byProperty: Object.fromEntries(
        [...byProperty].map(([propertyId, days]) => [propertyId, Object.fromEntries(days)]),
      ),
    },
    partitions: Object.fromEntries(
      document.partitions.map(({ topic, partition, nextOffset }) => [
        partitionKey(topic, partition),
        { nextOffset },
      ]),
    ),
    tallies: {
      applied: document.tallies.applied,
      duplicates: document.tallies.duplicates,
      deadLettered: document.tallies.deadLettered,
      ignored: Object.fromEntries(document.tallies.ignored.map(({ type, count }) => [type, count])),
    },
  };
}

/**
 * A document written before `seen_events` kept its ids in a window per partition, without their
 * offsets. Each of them was folded before the partition's `nextOffset`, so recording it at the
 * last folded offset keeps the decision right: a later copy finds that position held (a repeat),
 * and a replay folds the original when it reaches it (the recorded position is not held yet).
 */
export function legacyRecords(document: AnalyticsStateDocument): Array<{ eventId: string } & Position> {
  return document.partitions.flatMap(({ topic, partition, nextOffset, recentEventIds = [] }) =>
    BigInt(nextOffset) === 0n
      ? []
      : recentEventIds.map((eventId) => ({
          eventId,
          topic,
          partition,
          offset: String(BigInt(nextOffset) - 1n),
        })),
  );
}
