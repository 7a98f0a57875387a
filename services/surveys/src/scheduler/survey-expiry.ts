import { randomUUID } from 'node:crypto';
import { systemActor } from '@courtyard/kernel';
import { expireSurvey } from '../domain/expiry.js';
import type { SurveyExpiryStore } from '../repository/expiry.repository.js';

/** Surveys read per batch; a tick reads batches until none is due. */
const BATCH = 200;

export interface ExpiryTick {
  expired: number;
  /** Answered or expired by another instance between the read and the write. */
  already: number;
}

export interface SurveyExpiry {
  /** Expires every open survey due at `now`; what it did (the tests call it with their clock). */
  tick(now: Date): Promise<ExpiryTick>;
}

/**
 * The expiry of open surveys. All its state is in the surveys (`state`, `expiresAt`), and each
 * expiry is one version-checked update, so a tick run twice, or on two instances at once, expires
 * each survey once and publishes one `survey.expired.v1`.
 */
export function surveyExpiry(store: Pick<SurveyExpiryStore, 'due' | 'expire'>, batch = BATCH): SurveyExpiry {
  return {
    async tick(now) {
      const done: ExpiryTick = { expired: 0, already: 0 };
      const context = { actor: systemActor('surveys'), now, newId: randomUUID };
      for (;;) {
        const due = await store.due(now, batch);
        for (const survey of due) {
          const decision = expireSurvey(survey, context);
          if (!decision) continue;
          done[await store.expire(survey, decision)] += 1;
        }
        // A full batch may have more behind it; each survey read leaves the due set (expired, or
        // no longer OPEN after a conflict), so the loop ends.
        if (due.length < batch) return done;
      }
    },
  };
}
