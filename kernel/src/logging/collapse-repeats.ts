import type { Logger } from '../logger.js';
import { intervalBeat, type Beat } from '../scheduling/ticking.js';

export type RepeatedLevel = 'error' | 'warn';

export interface CollapseRepeatsOptions {
  logger: Logger;
  /** While a message repeats, one summary line for it at most this often. */
  summaryEveryMs: number;
  /** A message not repeated for this long has stopped; when every one has, the trouble is over. */
  quietMs: number;
  /** What the closing line says, e.g. `broker answering again`. */
  recoveredMessage: string;
  /** Milliseconds since some epoch; the machine's clock by default. */
  clock?: () => number;
  beat?: Beat;
}

export interface RepeatCollapser {
  /** Logs the first of a run of identical messages in full, then only counts them. */
  log(level: RepeatedLevel, namespace: string, message: string, extra: object): void;
}

/** One message repeating: what it said first and how often since. */
interface Run {
  level: RepeatedLevel;
  namespace: string;
  message: string;
  /** Repeats not yet reported in a summary line. */
  unreported: number;
  lastAt: number;
  lastLineAt: number;
}

/** Same message but for its numbers (`Restarting the consumer in 400ms`, a port, an attempt). */
const sameness = (namespace: string, message: string) => `${namespace}\u0000${message.replace(/\d+/g, '#')}`;

/**
 * Keeps an outage from flooding the log: a client that retries logs the same error dozens of
 * times a second. The first of each (namespace, message) is logged in full; its repeats make
 * one summary line per `summaryEveryMs` ("… repeated 57 times in the last 10 s"); when none has
 * come for `quietMs`, one line says the trouble is over, with the totals (not after a lone
 * message that never repeated). A message that comes back after that is a new run and is
 * logged in full again.
 */
export function collapseRepeats(options: CollapseRepeatsOptions): RepeatCollapser {
  const clock = options.clock ?? Date.now;
  const beat = options.beat ?? intervalBeat;
  const runs = new Map<string, Run>();
  /** Since the first message of the current runs; `repeats` counts what was not logged in full. */
  let trouble: { since: number; messages: number; repeats: number } | null = null;
  let cancel: (() => void) | null = null;

  const summarise = (run: Run, now: number) => {
    const seconds = Math.round((now - run.lastLineAt) / 1000);
    options.logger[run.level](
      { namespace: run.namespace, repeated: run.unreported, seconds },
      `${run.message} (repeated ${run.unreported} times in the last ${seconds} s)`,
    );
    run.unreported = 0;
    run.lastLineAt = now;
  };

  const check = () => {
    const now = clock();
    for (const [key, run] of runs) {
      if (run.unreported > 0 && now - run.lastLineAt >= options.summaryEveryMs) summarise(run, now);
      if (now - run.lastAt >= options.quietMs) {
        if (run.unreported > 0) summarise(run, now);
        runs.delete(key);
      }
    }
    if (runs.size === 0 && trouble) {
      // A lone warning is no outage: only runs that repeated get the closing line.
      if (trouble.repeats > 0) {
        options.logger.info(
          { messages: trouble.messages, seconds: Math.round((now - trouble.since) / 1000) },
          options.recoveredMessage,
        );
      }
      trouble = null;
      cancel?.();
      cancel = null;
    }
  };

  return {
    log(level, namespace, message, extra) {
      const now = clock();
      const key = sameness(namespace, message);
      trouble ??= { since: now, messages: 0, repeats: 0 };
      trouble.messages += 1;
      const run = runs.get(key);
      if (run) {
        trouble.repeats += 1;
        run.unreported += 1;
        run.lastAt = now;
        if (now - run.lastLineAt >= options.summaryEveryMs) summarise(run, now);
        return;
      }
      runs.set(key, { level, namespace, message, unreported: 0, lastAt: now, lastLineAt: now });
      options.logger[level]({ ...extra, namespace }, message);
      cancel ??= beat.every(Math.min(options.summaryEveryMs, options.quietMs), check);
    },
  };
}
