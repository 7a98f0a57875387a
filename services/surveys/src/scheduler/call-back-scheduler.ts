import { randomUUID } from 'node:crypto';
import { systemActor } from '@courtyard/kernel';
import { dueCallBack } from '../domain/call-backs.js';
import type { CallBackStore } from '../repository/call-backs.repository.js';

export interface CallBackSweep {
  /** Creates every call-back due at `now`; what it did, for tests and logs. */
  tick(now: Date): Promise<{ created: number; already: number }>;
}

/** What the service's beat exposes to consumers and resolvers. */
export interface CallBackScheduler {
  /** Runs a sweep now (after a handover date changed), besides the regular ones. */
  nudge(): void;
}

/**
 * The due call-backs of every schedule. Idempotent and restart-safe: all its state is in the
 * schedules (`nextDueAt`) and the call-backs' derived `_id`s, so a second instance or a restart
 * mid-sweep creates nothing twice.
 */
export function callBackSweep(store: Pick<CallBackStore, 'dueSchedules' | 'createDue'>): CallBackSweep {
  return {
    async tick(now) {
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
    },
  };
}
