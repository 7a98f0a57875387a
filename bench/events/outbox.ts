import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  AggregateWriter,
  createEvent,
  createKafka,
  ensureTopics,
  startOutboxRelay,
  type AggregateDocument,
  type Logger,
} from '@courtyard/kernel';
import { startSequenceCheck } from './sequence-check.js';
import { perSecond, until } from './stats.js';

interface Sequenced extends AggregateDocument {
  seq: number;
}

/**
 * (a) Outbox to broker. Writers append events through the AggregateWriter (state + outbox in
 * one update, then `notify`, as every repository does) at a paced offered rate for `seconds`;
 * the kernel's relay publishes them; a consumer counts arrivals and checks per-aggregate order,
 * losses and duplicates. The sustained rate is what reached the broker within the window.
 */
export async function benchOutbox(options: {
  mongoUrl: string;
  brokers: string[];
  logger: Logger;
  seconds: number;
  offeredPerSecond: number;
  aggregates: number;
  writers: number;
  /** Events appended per write (a command may emit several): the store's update rate is the bound otherwise. */
  eventsPerWrite: number;
}) {
  const topic = `bench.outbox.${randomUUID().slice(0, 8)}`;
  const kafka = createKafka('bench-outbox', options.brokers, options.logger);
  await ensureTopics(kafka, [topic]);
  const connection = await mongoose
    .createConnection(options.mongoUrl, { dbName: `bench_outbox_${randomUUID().slice(0, 8)}` })
    .asPromise();
  const model = connection.model<Sequenced>(
    'Sequenced',
    // String ids: the default ObjectId _id made the reread after a failed write throw a CastError.
    new mongoose.Schema({ _id: String }, { strict: false, collection: 'sequenced' }),
  );
  // Created before the first insert: mongoose's own createCollection racing the insert's implicit one
  // made the local server register the collection twice, and every later update then missed.
  await model.init();
  const ids = Array.from({ length: options.aggregates }, (_, n) => `agg-${String(n).padStart(5, '0')}`);
  await model.collection.insertMany(ids.map((_id) => ({ _id, version: 1, seq: 0, outbox: [] })) as never[]);

  const check = await startSequenceCheck(kafka, topic, `bench-outbox-${randomUUID()}`);
  const relay = await startOutboxRelay({
    db: connection.db!,
    kafka,
    topic,
    collections: ['sequenced'],
    logger: options.logger,
    sweepIntervalMs: 5000,
  });
  const writer = new AggregateWriter((collection, id) => relay.notify(collection, id));

  // Each writer owns its own aggregates (no CONFLICT), and paces itself to its share of the rate.
  const started = performance.now();
  const windowEnd = started + options.seconds * 1000;
  let written = 0;
  let writeErrors = 0;
  let firstWriteError: string | undefined;
  const perWriter = options.offeredPerSecond / options.eventsPerWrite / options.writers;
  await Promise.all(
    Array.from({ length: options.writers }, async (_, w) => {
      const mine = ids.filter((_, n) => n % options.writers === w);
      const state = new Map(mine.map((id) => [id, { version: 1, seq: 0 }]));
      for (let n = 0; ; n += 1) {
        const due = started + (n * 1000) / perWriter;
        // Time bounds the window: writes the store cannot take in time are not offered later.
        if (due >= windowEnd || performance.now() >= windowEnd) return;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const id = mine[n % mine.length]!;
        const aggregate = state.get(id)!;
        const first = aggregate.seq + 1;
        const seq = aggregate.seq + options.eventsPerWrite;
        const events = Array.from({ length: options.eventsPerWrite }, (_, k) =>
          createEvent('bench', {
            type: 'bench.sequenced.v1',
            subject: id,
            data: { seq: first + k },
            time: new Date(),
          }),
        );
        try {
          aggregate.version = await writer.update(model, id, aggregate.version, { seq }, events);
        } catch (error) {
          // The store may or may not have taken it: count it, carry on from what it holds.
          writeErrors += 1;
          firstWriteError ??= String(error).slice(0, 200);
          const stored = await model.findById(id, { version: 1, seq: 1 }).lean();
          if (stored && stored.seq === seq) written += options.eventsPerWrite;
          aggregate.version = stored?.version ?? aggregate.version;
          aggregate.seq = stored?.seq ?? aggregate.seq;
          continue;
        }
        aggregate.seq = seq;
        written += options.eventsPerWrite;
      }
    }),
  );
  const writtenAt = performance.now();
  const inWindow = check.arrivedBy(windowEnd);
  const drained = await until(() => check.result.received + check.result.duplicates >= written, 120_000);
  const drainedAt = performance.now();
  const pending = await model.countDocuments({ 'outbox.0': { $exists: true } });
  await relay.stop();
  await check.stop();
  await connection.dropDatabase();
  await connection.close();
  const { received, duplicates, outOfOrder } = check.result;
  return {
    seconds: options.seconds,
    offeredPerSecond: options.offeredPerSecond,
    aggregates: options.aggregates,
    eventsPerWrite: options.eventsPerWrite,
    writtenPerSecond: perSecond(written, writtenAt - started),
    written,
    writeErrors,
    ...(firstWriteError ? { firstWriteError } : {}),
    /** Events on the broker within the write window, per second. */
    sustainedPerSecond: perSecond(inWindow, options.seconds * 1000),
    /** All written events on the broker, per second, from the first write to the last arrival. */
    endToEndPerSecond: perSecond(received, check.result.lastAt - started),
    drainAfterWritesMs: Math.round(drainedAt - writtenAt),
    drained,
    received,
    lost: written - received,
    duplicates,
    outOfOrder,
    aggregatesStillPending: pending,
  };
}
