import type { CloudEvent } from '@courtyard/kernel';
import { apply, NO_KPIS, type KpiState } from './kpis.js';
import { own } from './figures.js';
import { holds, isRepeat, type Position } from './first-folds.js';

/** Anyone can publish a new type name; past this many, the rest share one tally. */
const MAX_IGNORED_TYPES = 100;
export const OTHER_TYPES = '(other types)';

/** Where the fold stands on one partition. */
export interface PartitionProgress {
  /** The next Kafka offset to fold (offsets are 64-bit, hence a string). */
  nextOffset: string;
}

export interface Tallies {
  /** Events that moved a figure. */
  applied: number;
  /** Events already folded under the same id (an at-least-once republication, however late). */
  duplicates: number;
  /** Messages sent to the dead-letter topic. */
  deadLettered: number;
  /** By type: events without a published schema and events that move no figure. */
  ignored: Readonly<Record<string, number>>;
}

/**
 * Everything the consumer knows, kept and written as one: the figures, and how far each
 * partition has been folded. Storing both in one document is what makes a restart resume
 * exactly where the figures stand, without transactions.
 */
export interface AnalyticsState {
  /** The zone days are counted in; figures from another zone cannot be mixed in. */
  timeZone: string;
  kpis: KpiState;
  partitions: Readonly<Record<string, PartitionProgress>>;
  tallies: Tallies;
}

/** How a message was read: a valid event, a type without a published schema, or unreadable. */
export type Verdict =
  | { kind: 'event'; event: CloudEvent }
  | { kind: 'unknown'; type: string }
  | { kind: 'unreadable'; reason: string };

export interface Delivery {
  topic: string;
  partition: number;
  offset: string;
  verdict: Verdict;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead_lettered' | 'already_folded';

export const initialState = (timeZone: string): AnalyticsState => ({
  timeZone,
  kpis: NO_KPIS,
  partitions: {},
  tallies: { applied: 0, duplicates: 0, deadLettered: 0, ignored: {} },
});

export const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/** Every partition the state has folded from, in topic and partition order. */
export function listPartitions(
  state: Pick<AnalyticsState, 'partitions'>,
): Array<{ topic: string; partition: number; progress: PartitionProgress }> {
  return Object.entries(state.partitions)
    .map(([key, progress]) => {
      const cut = key.lastIndexOf('/');
      return { topic: key.slice(0, cut), partition: Number(key.slice(cut + 1)), progress };
    })
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

/**
 * True when this offset is behind what the state already holds: Kafka redelivers after a crash
 * or a rebalance from its own committed offsets, which may lag the stored ones.
 */
export const isFolded = (state: AnalyticsState, topic: string, partition: number, offset: string): boolean =>
  holds(state.partitions, { topic, partition, offset });

/**
 * Folds one delivered message. `recorded` is where its event id was first recorded (the
 * consumer's `seen_events`), if anywhere: a copy of an event the state holds elsewhere is a
 * duplicate (see `isRepeat`). Deterministic: the same messages and records give the same state.
 */
export function consume(
  state: AnalyticsState,
  delivery: Delivery,
  recorded?: Position,
): { next: AnalyticsState; outcome: Outcome } {
  const { topic, partition, offset, verdict } = delivery;
  if (isFolded(state, topic, partition, offset)) return { next: state, outcome: 'already_folded' };
  const key = partitionKey(topic, partition);
  const advance = (
    outcome: Exclude<Outcome, 'already_folded'>,
    changes: Partial<Pick<AnalyticsState, 'kpis' | 'tallies'>>,
  ) => ({
    outcome,
    next: {
      ...state,
      ...changes,
      partitions: { ...state.partitions, [key]: { nextOffset: String(BigInt(offset) + 1n) } },
    },
  });
  const { tallies } = state;
  if (verdict.kind === 'unreadable') {
    return advance('dead_lettered', { tallies: { ...tallies, deadLettered: tallies.deadLettered + 1 } });
  }
  const ignore = (type: string) => {
    const known = own(tallies.ignored, type) !== undefined;
    const tally = known || Object.keys(tallies.ignored).length < MAX_IGNORED_TYPES ? type : OTHER_TYPES;
    const ignored = { ...tallies.ignored, [tally]: (own(tallies.ignored, tally) ?? 0) + 1 };
    return advance('ignored', { tallies: { ...tallies, ignored } });
  };
  if (verdict.kind === 'unknown') return ignore(verdict.type);
  const { event } = verdict;
  const kpis = apply(state.kpis, event, state.timeZone);
  if (!kpis) return ignore(event.type);
  if (isRepeat(state.partitions, recorded, { topic, partition, offset })) {
    return advance('duplicate', { tallies: { ...tallies, duplicates: tallies.duplicates + 1 } });
  }
  return advance('applied', { kpis, tallies: { ...tallies, applied: tallies.applied + 1 } });
}
