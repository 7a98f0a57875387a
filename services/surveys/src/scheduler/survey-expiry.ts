import { randomUUID } from 'node:crypto';
import { systemActor, type Logger } from '@courtyard/kernel';
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
  stop(): Promise<void>;
}

/**
 * The expiry of open surveys. All its state is in the surveys (`state`, `expiresAt`), and each
 * expiry is one version-checked update, so a tick run twice, or on two instances at once, expires
 * each survey once and publishes one `survey.expired.v1`.
 */
export function surveyExpiry(
  store: Pick<SurveyExpiryStore, 'due' | 'expire'>,
  batch = BATCH,
): Pick<SurveyExpiry, 'tick'> {
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

/** In the service: a tick at `clock()` every `intervalMs` (`SURVEY_EXPIRY_SWEEP_INTERVAL_MS`). */
export function startSurveyExpiry({
  store,
  intervalMs,
  logger,
  clock = () => new Date(),
}: {
  store: Pick<SurveyExpiryStore, 'due' | 'expire'>;
  intervalMs: number;
  logger: Logger;
  clock?: () => Date;
}): SurveyExpiry {
  const expiry = surveyExpiry(store);
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || running) return; // one tick at a time; the next interval catches up
    running = expiry
      .tick(clock())
      .then(({ expired }) => {
        if (expired > 0) logger.info({ expired }, 'surveys expired');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'survey expiry failed; the next tick retries'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  setImmediate(run);
  return {
    tick: expiry.tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
