import type { mongo } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from '../logger.js';
import { outboxFailures, outboxPublished } from '../server/metrics.js';
import { backoffMs, delay } from './backoff.js';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEvent } from './envelope.js';

/** A document that carries its own pending events (the transactional outbox, spec §6). */
export interface OutboxDocument {
  _id: string;
  outbox?: CloudEvent[];
}

export interface OutboxRelayOptions {
  db: mongo.Db;
  kafka: Kafka;
  topic: string;
  collections: readonly string[];
  logger: Logger;
  /** Sweep for events left by a crash, an outage or another replica. */
  sweepIntervalMs: number;
  /**
   * Fault injection for the crash test only: the process kills itself after the broker
   * acknowledged a batch and before it is removed from the outbox.
   */
  killAfterPublish?: boolean;
  /** How long `stop()` keeps trying to publish what is pending before leaving it to the next start. */
  flushTimeoutMs?: number;
}

export interface OutboxRelay {
  /** Publish this aggregate's pending events now (called after every successful write). */
  notify(collection: string, id: string): void;
  /** Stop sweeping and wait until what is pending has been published (or the broker refuses). */
  stop(): Promise<void>;
}

/**
 * Publishes pending events with key = aggregate id, then removes exactly the published ones.
 * At-least-once: a crash between the broker's ack and the removal republishes the same event
 * ids, which idempotent consumers skip. Per aggregate, one publish runs at a time, so events
 * reach the topic in the order they were appended.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<OutboxRelay> {
  const log = options.logger.child({ component: 'outbox-relay', topic: options.topic });
  // One request in flight keeps an aggregate's events in order across retries. Not the
  // idempotent producer: delivery is at-least-once by design and consumers dedupe by event id.
  const producer = options.kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let connected = false;
  producer.on(producer.events.DISCONNECT, () => {
    connected = false;
  });
  const stopping = new AbortController();
  const inFlight = new Map<string, Promise<void>>();
  const rerun = new Set<string>();

  const ensureConnected = async () => {
    if (connected) return;
    await producer.connect();
    connected = true;
  };

  const publishPending = async (collection: string, id: string): Promise<void> => {
    const doc = await options.db
      .collection<OutboxDocument>(collection)
      .findOne({ _id: id }, { projection: { outbox: 1 } });
    const pending = doc?.outbox ?? [];
    if (pending.length === 0) return;
    await ensureConnected();
    await sendBatch(producer, options.topic, id, pending);
    outboxPublished.inc({ topic: options.topic }, pending.length);
    if (options.killAfterPublish) process.kill(process.pid, 'SIGKILL');
    await options.db
      .collection<OutboxDocument>(collection)
      .updateOne({ _id: id }, { $pull: { outbox: { id: { $in: pending.map((event) => event.id) } } } });
  };

  const drain = (collection: string, id: string): Promise<void> => {
    const key = `${collection}/${id}`;
    const running = inFlight.get(key);
    if (running) {
      rerun.add(key);
      return running;
    }
    const run = (async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          do {
            rerun.delete(key);
            await publishPending(collection, id);
          } while (rerun.has(key));
          return;
        } catch (error) {
          outboxFailures.inc({ topic: options.topic });
          log.warn({ err: error, aggregate: id, attempt }, 'publish failed; will retry');
          connected = false;
          if (stopping.signal.aborted) return;
          await delay(backoffMs(attempt), stopping.signal);
        }
      }
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  };

  const sweep = async () => {
    for (const collection of options.collections) {
      const ids = await options.db
        .collection<OutboxDocument>(collection)
        .find({ 'outbox.0': { $exists: true } }, { projection: { _id: 1 } })
        .limit(500)
        .toArray();
      for (const { _id } of ids) {
        if (stopping.signal.aborted) return;
        await drain(collection, _id);
      }
    }
  };

  let sweeping: Promise<void> = Promise.resolve();
  const runSweep = () => {
    sweeping = sweeping
      .then(sweep)
      .catch((error: unknown) => log.warn({ err: error }, 'outbox sweep failed'));
  };
  runSweep();
  const timer = setInterval(runSweep, options.sweepIntervalMs);
  timer.unref();

  return {
    notify(collection, id) {
      drain(collection, id).catch((error: unknown) =>
        log.error({ err: error, aggregate: id }, 'relay failed'),
      );
    },
    async stop() {
      clearInterval(timer);
      // The flush: one last sweep after the last write (the HTTP server has drained by now), and
      // every publish in flight, bounded, so a broker that is down does not hold the shutdown;
      // the next start's sweep publishes what is left.
      runSweep();
      const bound = new AbortController();
      const flushed = await Promise.race([
        sweeping.then(() => Promise.allSettled([...inFlight.values()])).then(() => true),
        delay(options.flushTimeoutMs ?? 5000, bound.signal).then(() => false),
      ]);
      bound.abort();
      if (!flushed) log.warn('outbox not flushed in time; the next start publishes the rest');
      stopping.abort();
      await sweeping;
      await Promise.allSettled([...inFlight.values()]);
      await producer.disconnect().catch(() => undefined);
    },
  };
}

async function sendBatch(
  producer: Producer,
  topic: string,
  key: string,
  events: CloudEvent[],
): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((event) => ({
      key,
      value: JSON.stringify(event),
      headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_id: event.id, ce_type: event.type },
    })),
  });
}
