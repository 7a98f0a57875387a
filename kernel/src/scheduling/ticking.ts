import { outsideRequestScope } from '../idempotency/request-scope.js';
import type { Logger } from '../logger.js';

/** What starts the beat: the machine's interval by default, a hand-driven one in tests. */
export interface Beat {
  /** Calls `fire` every `intervalMs` until the returned function is called. */
  every(intervalMs: number, fire: () => void): () => void;
}

/** The machine's interval; it does not hold the process open. */
export const intervalBeat: Beat = {
  every(intervalMs, fire) {
    const timer = setInterval(fire, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface TickingOptions {
  /** Named in the log when a tick fails, e.g. `SLA scan`. */
  name: string;
  intervalMs: number;
  /** One pass of the job at `now`. Everything it needs next time is stored, so a pass may be cut short. */
  tick: (now: Date) => Promise<unknown>;
  logger: Logger;
  /** The job's idea of now; the machine's clock by default. */
  clock?: () => Date;
  /** Also run once as soon as the service is up instead of waiting a whole interval. */
  immediately?: boolean;
  beat?: Beat;
}

export interface Ticking {
  /**
   * Runs a tick now, or once more right after the running one (a consumer that just stored work
   * for the job need not wait for the next beat). Resolves when that tick has ended; never rejects.
   */
  nudge(): Promise<void>;
  /** No further ticks; resolves when the running one has ended. */
  stop(): Promise<void>;
}

/**
 * A background job on a beat, the one way every scheduler runs: one tick at a time (a beat that
 * finds a tick still running is skipped, the next one catches up), a failed tick logged and left
 * to the next beat, and a stop that waits for the running tick so a shutdown does not close the
 * database under it.
 */
export function startTicking(options: TickingOptions): Ticking {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const runOnce = async (): Promise<void> => {
    try {
      await options.tick(clock());
    } catch (error) {
      options.logger.error(
        { err: error, job: options.name },
        `${options.name} failed; the next tick retries`,
      );
    }
  };
  // A nudge from a keyed request starts the tick outside that request: the job's records are its own.
  const run = (): Promise<void> => {
    running ??= outsideRequestScope(async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    });
    return running;
  };

  const cancel = (options.beat ?? intervalBeat).every(options.intervalMs, () => {
    if (!stopped && !running) void run();
  });
  if (options.immediately) setImmediate(() => void (stopped ? undefined : run()));

  return {
    nudge() {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      return run();
    },
    async stop() {
      stopped = true;
      cancel();
      await running;
    },
  };
}
