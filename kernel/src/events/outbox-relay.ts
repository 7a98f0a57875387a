import type { mongo } from 'mongoose';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Logger } from '../logger.js';
import { observeOutboxBacklog, outboxFailures, outboxPublished } from '../server/metrics.js';
import { publishSpans } from '../tracing/event-spans.js';
import { readOutboxBacklog } from './outbox-backlog.js';
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
  /** How long a batch waits for more notified aggregates before it is read and sent (0: none). */
  lingerMs?: number;
  /** At most this many aggregates are read and sent in one batch. */
  maxBatchAggregates?: number;
  /**
   * A batch stops taking aggregates past this many bytes of event JSON (the broker refuses a
   * record batch over `message.max.bytes`, 1 MiB by default); an aggregate is never split.
   */
  maxBatchBytes?: number;
  /** Test seam: wraps the producer's send, e.g. to fail a batch halfway. */
  send?: (producer: Producer, topic: string, messages: Message[]) => Promise<void>;
}

export interface OutboxRelay {
  /**
   * Publish this aggregate's pending events soon (called after every successful write). A write
   * that created the aggregate passes its whole outbox, `created`: its first batch then sends
   * those events without reading the document back.
   */
  notify(collection: string, id: string, created?: readonly CloudEvent[]): void;
  /** Stop sweeping and wait until what is pending has been published (or the broker refuses). */
  stop(): Promise<void>;
  /** False from a failed publish until the next one succeeds (the broker is down or refusing). */
  publishing(): boolean;
}

const DEFAULT_MAX_BATCH_AGGREGATES = 500;
const DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
/**
 * Created aggregates whose outbox is kept in memory at most; past it (a long broker outage) they
 * are read back like any other, so an outage costs reads, not memory.
 */
const MAX_KNOWN_OUTBOXES = 10_000;
const SWEEP_PAGE_SIZE = 500;
/** Pages per sweep at most: the next sweep goes on where a long backlog left off. */
const SWEEP_PAGES = 100;

/**
 * Publishes pending events with key = aggregate id, then removes exactly the published ones.
 * Notified aggregates are sent in batches: one read per collection (`$in`), one produce request
 * for all their events, one bulk `$pull` per collection after the broker's acknowledgement.
 * At-least-once: a crash or a failure anywhere before the `$pull` leaves the events in the
 * outbox and the whole batch is sent again with the same event ids, which idempotent consumers
 * skip. Order: one batch is in flight at a time and the producer has one request in flight, so
 * an aggregate's events (one key, one partition) reach the topic in the order they were appended.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<OutboxRelay> {
  const log = options.logger.child({ component: 'outbox-relay', topic: options.topic });
  // One request in flight keeps an aggregate's events in order across retries. Not the
  // idempotent producer: delivery is at-least-once by design and consumers dedupe by event id.
  const producer = options.kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const send = options.send ?? sendMessages;
  const maxAggregates = options.maxBatchAggregates ?? DEFAULT_MAX_BATCH_AGGREGATES;
  const maxBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  let connected = false;
  let failing = false;
  producer.on(producer.events.DISCONNECT, () => {
    connected = false;
  });
  const stopping = new AbortController();
  observeOutboxBacklog(() => readOutboxBacklog(options.db, options.collections, new Date()));
  /** Aggregates to read, as `collection/id`, oldest notification first. */
  const pending = new Set<string>();
  /**
   * Aggregates whose sent events are being removed (`$pull`) while the next batch is read and
   * sent: the broker's acknowledgement, not the removal, is what the next batch waits for. One of
   * them is not read again until its removal is done, so no batch sends its events twice.
   */
  const removing = new Map<string, Promise<void>>();
  /**
   * The outbox of aggregates this process created that no batch has taken yet, by key: what a read
   * would find, unless something else wrote the aggregate since, and every such write of this
   * process drops the entry (`notify` without `created`). Another replica's write is published
   * by that replica's relay; a read here would have sent it twice at most, never before this
   * aggregate's earlier events. Taken out with its key, so a failed batch is read back on retry.
   */
  const known = new Map<string, CloudEvent[]>();
  let pumping: Promise<void> | undefined;

  const ensureConnected = async () => {
    if (connected) return;
    await producer.connect();
    connected = true;
  };

  /** Reads and sends one batch of the notified aggregates, then starts removing what it sent. */
  const publishBatch = async (keys: string[]): Promise<void> => {
    const byCollection = new Map<string, string[]>();
    const inMemory = new Map<string, OutboxDocument[]>();
    for (const key of keys) {
      const cut = key.indexOf('/');
      const collection = key.slice(0, cut);
      const id = key.slice(cut + 1);
      const outbox = known.get(key);
      known.delete(key);
      if (outbox) inMemory.set(collection, [...(inMemory.get(collection) ?? []), { _id: id, outbox }]);
      else byCollection.set(collection, [...(byCollection.get(collection) ?? []), id]);
    }
    const read = await Promise.all(
      [...byCollection].map(async ([collection, ids]) => ({
        collection,
        docs: await options.db
          .collection<OutboxDocument>(collection)
          // By `_id` alone: the local wire server uses an index only for a filter on exactly its keys.
          .find({ _id: { $in: ids } }, { projection: { outbox: 1 } })
          .toArray(),
      })),
    );
    read.push(...[...inMemory].map(([collection, docs]) => ({ collection, docs })));
    const messages: Message[] = [];
    const batched: CloudEvent[] = [];
    let bytes = 0;
    const sent: Array<{ collection: string; id: string; eventIds: string[] }> = [];
    for (const { collection, docs } of read) {
      for (const doc of docs) {
        const events = doc.outbox ?? [];
        if (events.length === 0) continue;
        const values = events.map((event) => JSON.stringify(event));
        const size = values.reduce((sum, value) => sum + value.length, 0);
        // Past the size bound, the aggregate waits for the next batch (whole, never split).
        if (messages.length > 0 && bytes + size > maxBytes) {
          pending.add(`${collection}/${doc._id}`);
          continue;
        }
        bytes += size;
        events.forEach((event, n) => messages.push(toMessage(doc._id, event, values[n]!)));
        batched.push(...events);
        sent.push({ collection, id: doc._id, eventIds: events.map((event) => event.id) });
      }
    }
    if (messages.length === 0) return;
    await ensureConnected();
    const spans = publishSpans(options.topic, batched);
    try {
      await send(producer, options.topic, messages);
    } catch (error) {
      spans.end(error);
      throw error;
    }
    spans.end();
    outboxPublished.inc({ topic: options.topic }, messages.length);
    if (options.killAfterPublish) process.kill(process.pid, 'SIGKILL');
    const removal = Promise.all(
      [...new Set(sent.map((entry) => entry.collection))].map(async (collection) => {
        const removals = sent.filter((entry) => entry.collection === collection);
        if (removals.length === 0) return;
        await options.db.collection<OutboxDocument>(collection).bulkWrite(
          removals.map(({ id, eventIds }) => ({
            updateOne: { filter: { _id: id }, update: { $pull: { outbox: { id: { $in: eventIds } } } } },
          })),
          { ordered: false },
        );
      }),
    ).then(
      () => undefined,
      (error: unknown) => {
        // The sent events are still in the outbox: read and sent again (same ids), as after a crash.
        log.warn({ err: error, aggregates: sent.length }, 'removing published events failed; will resend');
        for (const { collection, id } of sent) pending.add(`${collection}/${id}`);
      },
    );
    const done = removal.finally(() => {
      for (const { collection, id } of sent) removing.delete(`${collection}/${id}`);
      if (takeable() && !stopping.signal.aborted) void kick();
    });
    for (const { collection, id } of sent) removing.set(`${collection}/${id}`, done);
  };

  // Halved after each failure, doubled after each success: an aggregate the broker refuses for
  // good (a message over its size limit) ends up alone, and the others go past it.
  let limit = maxAggregates;
  /** Something pending that a batch can take now (not waiting for its removal). */
  const takeable = () => {
    for (const key of pending) if (!removing.has(key)) return true;
    return false;
  };
  const takeBatch = (): string[] => {
    const keys: string[] = [];
    for (const key of pending) {
      if (keys.length >= limit) break;
      // Still being removed from its last batch: it waits (pending) for that removal.
      if (removing.has(key)) continue;
      keys.push(key);
      pending.delete(key);
    }
    return keys;
  };

  /**
   * The one loop that publishes: batches follow each other, never overlap (a batch's removal may
   * run beside the next batch, which never holds the same aggregate).
   */
  const pump = async () => {
    for (let attempt = 1; pending.size > 0;) {
      if (options.lingerMs) await delay(options.lingerMs, stopping.signal);
      const keys = takeBatch();
      // Everything pending is still being removed: the loop ends, and each removal's end kicks it again.
      if (keys.length === 0) return;
      try {
        await publishBatch(keys);
        failing = false;
        attempt = 1;
        limit = Math.min(maxAggregates, limit * 2);
      } catch (error) {
        // The batch is still in the outbox: all of it goes again (same event ids), behind the rest.
        for (const key of keys) {
          pending.delete(key);
          pending.add(key);
        }
        limit = Math.max(1, Math.floor(keys.length / 2));
        failing = true;
        outboxFailures.inc({ topic: options.topic });
        log.warn({ err: error, aggregates: keys.length, attempt }, 'publish failed; will retry');
        connected = false;
        if (stopping.signal.aborted) return;
        await delay(backoffMs(attempt), stopping.signal);
        attempt += 1;
      }
    }
  };

  const kick = (): Promise<void> => {
    pumping ??= pump()
      .catch((error: unknown) => log.error({ err: error }, 'relay failed'))
      .finally(() => {
        pumping = undefined;
        // Notified while the loop was finishing: start again (what waits for a removal is
        // started again by that removal's end).
        if (takeable() && !stopping.signal.aborted) void kick();
      });
    return pumping;
  };

  /** Until no batch is being sent and no sent events are being removed. */
  const drained = async () => {
    while (pumping || removing.size > 0) {
      await pumping;
      await Promise.all(removing.values());
    }
  };

  /**
   * Finds what no notification announced (a crash, an outage, another replica) a page at a time;
   * a full page is published and the next one read at once, so a large backlog after an outage
   * drains at the relay's pace rather than one page per sweep interval.
   */
  const sweep = async () => {
    for (let page = 0; page < SWEEP_PAGES && !stopping.signal.aborted; page += 1) {
      let full = false;
      for (const collection of options.collections) {
        const ids = await options.db
          .collection<OutboxDocument>(collection)
          .find({ 'outbox.0': { $exists: true } }, { projection: { _id: 1 } })
          .limit(SWEEP_PAGE_SIZE)
          .toArray();
        for (const { _id } of ids) pending.add(`${collection}/${_id}`);
        full ||= ids.length === SWEEP_PAGE_SIZE;
      }
      if (!stopping.signal.aborted) {
        void kick();
        // The next page is read once these are sent and removed, or it would find the same ones again.
        await drained();
      }
      if (!full) return;
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
    publishing: () => !failing,
    notify(collection, id, created) {
      const key = `${collection}/${id}`;
      // Already queued or in flight (a sweep found it first): what it holds now is read back.
      if (created && !pending.has(key) && !removing.has(key) && known.size < MAX_KNOWN_OUTBOXES)
        known.set(key, [...created]);
      else known.delete(key);
      pending.add(key);
      if (!stopping.signal.aborted) void kick();
    },
    async stop() {
      clearInterval(timer);
      // The flush: one last sweep after the last write (the HTTP server has drained by now), and
      // every batch until nothing is pending, bounded, so a broker that is down does not hold the
      // shutdown; the next start's sweep publishes what is left.
      runSweep();
      const bound = new AbortController();
      const flushed = await Promise.race([
        (async () => {
          await sweeping;
          await drained();
          return true;
        })(),
        delay(options.flushTimeoutMs ?? 5000, bound.signal).then(() => false),
      ]);
      bound.abort();
      if (!flushed) log.warn('outbox not flushed in time; the next start publishes the rest');
      stopping.abort();
      await sweeping;
      await pumping;
      // Before the connection closes under them: a removal cut short only means a resend at the next start.
      await Promise.all(removing.values());
      await producer.disconnect().catch(() => undefined);
    },
  };
}

const toMessage = (key: string, event: CloudEvent, value: string): Message => ({
  key,
  value,
  headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_id: event.id, ce_type: event.type },
});

/** One produce request for the whole batch: kafkajs groups the messages by partition. */
async function sendMessages(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages });
}
