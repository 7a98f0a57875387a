import type { Logger } from '../logger.js';

/** The offset a group resumes a partition from: the one after its last handled message. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** A beat's timer, replaceable so a test drives the beat by hand. */
export type ScheduleBeat = (beat: () => void, ms: number) => { cancel(): void };

export interface OffsetCommitsOptions {
  /** Sends the offsets to the group coordinator (kafkajs `consumer.commitOffsets`). */
  commit: (offsets: PartitionOffset[]) => Promise<void>;
  /**
   * How long a handled offset may wait before it is committed. 0 commits after every batch,
   * awaited, as kafkajs does on its own; more gathers every batch of the beat into one commit.
   */
  intervalMs: number;
  logger: Logger;
  schedule?: ScheduleBeat;
}

export interface OffsetCommits {
  /** A batch of the partition is settled up to `offset` (marks written): commit past it. */
  handled(topic: string, partition: number, offset: string): Promise<void>;
  /**
   * The group gave this member these partitions: an offset still waiting for a partition that
   * moved to another member is dropped, so it cannot move that member's committed offset back.
   */
  assigned(partitions: ReadonlyArray<{ topic: string; partition: number }>): void;
  /** Commits what waits now; one commit at a time, in the order asked. */
  flush(): Promise<void>;
  /** No more beats (a stopping consumer flushes once itself). */
  cancel(): void;
}

/** The partitions of a kafkajs `GROUP_JOIN` payload's `memberAssignment`, one by one. */
export const partitionsOf = (memberAssignment: Readonly<Record<string, readonly number[]>>) =>
  Object.entries(memberAssignment).flatMap(([topic, partitions]) =>
    partitions.map((partition) => ({ topic, partition })),
  );

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

const beatAfter: ScheduleBeat = (beat, ms) => {
  const timer = setTimeout(beat, ms);
  // A beat never holds a process up: a stopping consumer flushes before it disconnects.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Offsets committed on a beat instead of after every batch. Every group commits its own
 * offsets, so with a commit per batch a quiet stream of writes costs each group a broker
 * request per event. On a beat, a group commits each partition's newest offset once per
 * interval. What that trades is the redelivery window: a member that dies redelivers at most
 * the last interval's events, which its processed marks and the causation records settle as
 * duplicates, so the at-least-once and applied-once promises hold unchanged.
 */
export function offsetCommits(options: OffsetCommitsOptions): OffsetCommits {
  const schedule = options.schedule ?? beatAfter;
  const waiting = new Map<string, PartitionOffset>();
  let beat: { cancel(): void } | undefined;
  let cancelled = false;
  let committing: Promise<void> = Promise.resolve();

  const commitWaiting = async () => {
    if (waiting.size === 0) return;
    const offsets = [...waiting.values()];
    waiting.clear();
    try {
      await options.commit(offsets);
    } catch (error) {
      // Kept for the next commit, unless a later batch has moved the partition on since.
      for (const offset of offsets) {
        const key = keyOf(offset.topic, offset.partition);
        if (!waiting.has(key)) waiting.set(key, offset);
      }
      throw error;
    }
  };

  const flush = (): Promise<void> => {
    const next = committing.then(commitWaiting);
    // The chain goes on after a failed commit; the caller of this flush sees the failure.
    committing = next.catch(() => undefined);
    return next;
  };

  const scheduleBeat = () => {
    if (beat || cancelled || waiting.size === 0) return;
    beat = schedule(() => {
      beat = undefined;
      flush()
        .catch((error: unknown) => {
          options.logger.warn({ err: error }, 'offset commit failed; trying again on the next beat');
        })
        .finally(scheduleBeat);
    }, options.intervalMs);
  };

  return {
    async handled(topic, partition, offset) {
      waiting.set(keyOf(topic, partition), { topic, partition, offset: (BigInt(offset) + 1n).toString() });
      if (options.intervalMs === 0) return flush();
      scheduleBeat();
    },
    assigned(partitions) {
      const owned = new Set(partitions.map(({ topic, partition }) => keyOf(topic, partition)));
      for (const key of waiting.keys()) if (!owned.has(key)) waiting.delete(key);
    },
    flush,
    cancel() {
      cancelled = true;
      beat?.cancel();
      beat = undefined;
    },
  };
}
