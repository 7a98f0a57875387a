import type { Logger } from '../logger.js';
import { backoffMs, delay } from './backoff.js';

export interface BrokerStart {
  /** True once `start` succeeded. */
  started(): boolean;
  /** Stops trying (a start in flight is left to finish or fail on its own). */
  abort(): void;
}

/**
 * Runs `start` (create topics, connect consumers) now and, while the broker does not answer,
 * again with a capped backoff until it does: a subgraph needs only its database to serve reads
 * and to write state with its outbox, so it does not wait for Kafka to start, and its consumers
 * join their groups when the broker comes. One warning per outage, not one per attempt.
 */
export function whenBrokerAnswers(start: () => Promise<void>, logger: Logger): BrokerStart {
  const stopping = new AbortController();
  let done = false;
  void (async () => {
    for (let attempt = 1; !stopping.signal.aborted; attempt += 1) {
      try {
        await start();
        done = true;
        if (attempt > 1) logger.info({ attempts: attempt }, 'broker answered: topics and consumers ready');
        return;
      } catch (error) {
        if (attempt === 1) {
          logger.warn({ err: error }, 'broker not answering: serving without it, events wait in the outbox');
        }
        await delay(backoffMs(attempt, 500, 10_000), stopping.signal);
      }
    }
  })();
  return { started: () => done, abort: () => stopping.abort() };
}
