import { randomUUID } from 'node:crypto';
import { systemActor, type Logger } from '@courtyard/kernel';
import { dueCallBack } from '../domain/call-backs.js';
import type { CallBackStore } from '../repository/call-backs.repository.js';

export interface CallBackScheduler {
  /** Runs a sweep now (after a handover date changed), besides the regular ones. */
  nudge(): void;
  /** One sweep at the clock's time; what it did, for tests and logs. */
  sweep(): Promise<{ created: number; already: number }>;
  stop(): Promise<void>;
}

/**
 * Creates the due call-backs every `intervalMs`, at `clock()` (injectable). Idempotent and
 * restart-safe: all its state is in the schedules (`nextDueAt`) and the call-backs' derived
 * `_id`s, so a second instance or a restart mid-sweep creates nothing twice.
 */
export function startCallBackScheduler({
  store,
  clock = () => new Date(),
  intervalMs,
  logger,
}: {
  store: Pick<CallBackStore, 'dueSchedules' | 'createDue'>;
  clock?: () => Date;
  intervalMs: number;
  logger: Logger;
}): CallBackScheduler {
  let running: Promise<{ created: number; already: number }> | null = null;
  let again = false;
  let stopped = false;

  const sweepOnce = async () => {
    const now = clock();
    let created = 0;
    let already = 0;
    for (const schedule of await store.dueSchedules(now)) {
      const context = { actor: systemActor('surveys'), now, newId: randomUUID };
      const { callBack, nextDueAt } = dueCallBack(schedule, context);
      const outcome = await store.createDue(schedule, callBack, nextDueAt);
      if (outcome === 'created') created += 1;
      if (outcome === 'already') already += 1;
    }
    return { created, already };
  };

  const sweep = async (): Promise<{ created: number; already: number }> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await sweepOnce();
        while (again && !stopped) {
          again = false;
          result = await sweepOnce();
        }
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const safely = () => {
    if (stopped) return;
    sweep().catch((error: unknown) =>
      logger.error({ err: error }, 'call-back sweep failed; the next one retries'),
    );
  };
  const timer = setInterval(safely, intervalMs);
  timer.unref();
  setImmediate(safely);

  return {
    nudge: safely,
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
