import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Message, Producer } from 'kafkajs';
import {
  AggregateWriter,
  createEvent,
  createKafka,
  createLogger,
  ensureTopics,
  startOutboxRelay,
  type AggregateDocument,
  type OutboxRelay,
  type OutboxRelayOptions,
} from '@courtyard/kernel';
import { eventually } from '../support/subgraph.js';

const logger = createLogger('relay-batches-test', 'silent');
const kafka = createKafka('relay-batches-test', process.env.KAFKA_BROKERS!.split(','), logger);

interface Counted extends AggregateDocument {
  seq: number;
}

/** Every message of a topic, read from the start: key, event id and the aggregate's sequence. */
async function readTopic(topic: string) {
  const read: Array<{ key: string; partition: number; id: string; seq: number }> = [];
  const consumer = kafka.consumer({ groupId: `relay-batches-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const event = JSON.parse(message.value!.toString()) as { id: string; data: { seq: number } };
      read.push({ key: message.key!.toString(), partition, id: event.id, seq: event.data.seq });
    },
  });
  return { read, stop: () => consumer.disconnect() };
}

/** Per aggregate, the sequence numbers in the order they first reached the topic. */
const firstArrivals = (read: Array<{ key: string; id: string; seq: number }>) => {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  for (const { key, id, seq } of read) {
    if (seen.has(id)) continue;
    seen.add(id);
    byKey.set(key, [...(byKey.get(key) ?? []), seq]);
  }
  return byKey;
};

describe('outbox relay: batches of many aggregates keep at-least-once and per-aggregate order', () => {
  let client: mongoose.Connection;
  const relays: OutboxRelay[] = [];
  const readers: Array<{ stop: () => Promise<void> }> = [];

  beforeAll(async () => {
    client = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `relay_batches_${randomUUID().slice(0, 8)}` })
      .asPromise();
  });
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(readers.map((reader) => reader.stop()));
    await client.dropDatabase();
    await client.close();
  });

  /** Each test its own collection and topic, so no other test's relay sweeps its outboxes. */
  const collectionFor = (name: string) =>
    client.model<Counted>(name, new mongoose.Schema({}, { strict: false, collection: name }));
  const start = async (
    topic: string,
    model: mongoose.Model<Counted>,
    extra: Partial<OutboxRelayOptions> = {},
  ) => {
    const relay = await startOutboxRelay({
      db: client.db!,
      kafka,
      topic,
      collections: [model.collection.collectionName],
      logger,
      sweepIntervalMs: 60_000,
      ...extra,
    });
    relays.push(relay);
    return relay;
  };
  const event = (id: string, seq: number) =>
    createEvent('test', { type: 'test.counted.v1', subject: id, data: { seq }, time: new Date() });
  const pendingCount = (model: mongoose.Model<Counted>) =>
    model.countDocuments({ 'outbox.0': { $exists: true } });

  it('sends a batch that failed halfway again, whole: every event arrives, the first half twice', async () => {
    const topic = `test.relay-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = collectionFor('counted_half');
    const prefix = `half-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 10 }, (_, n) => `${prefix}-${n}`);
    // Pending before the relay starts: its first sweep takes all ten aggregates as one batch.
    await model.collection.insertMany(
      ids.map((_id) => ({ _id, version: 1, seq: 2, outbox: [event(_id, 1), event(_id, 2)] })) as never[],
    );
    const reader = await readTopic(topic);
    readers.push(reader);
    const calls: number[] = [];
    const failHalfway = async (producer: Producer, to: string, messages: Message[]) => {
      calls.push(messages.length);
      if (calls.length === 1) {
        // The broker takes the first half, then the connection "breaks".
        await producer.send({ topic: to, acks: -1, messages: messages.slice(0, messages.length / 2) });
        throw new Error('injected: failed halfway through the batch');
      }
      await producer.send({ topic: to, acks: -1, messages });
    };
    await start(topic, model, { send: failHalfway });

    await eventually(async () => (await pendingCount(model)) === 0 && reader.read.length >= 30);
    // The whole batch, then the same events again, in smaller batches after the failure.
    expect(calls[0]).toBe(20);
    expect(calls.slice(1).reduce((sum, n) => sum + n, 0)).toBe(20);
    const distinct = new Set(reader.read.map((message) => message.id));
    expect(distinct.size).toBe(20);
    expect(reader.read).toHaveLength(30);
    const byKey = firstArrivals(reader.read);
    for (const id of ids) expect(byKey.get(id)).toEqual([1, 2]);
  });

  it('sends an aggregate written again while its last batch is being removed once more, never twice', async () => {
    const topic = `test.relay-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = collectionFor('counted_rewritten');
    const reader = await readTopic(topic);
    readers.push(reader);
    const prefix = `rewritten-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 6 }, (_, n) => `${prefix}-${n}`);
    const late: { writer?: AggregateWriter } = {};
    let rewritten = false;
    // Right after the broker has the first batch and before its events are removed, every
    // aggregate gets one more event (and is notified): the relay must not read it until the
    // removal is done, or the first batch's events would go out a second time.
    const rewriteAfterFirst = async (producer: Producer, to: string, messages: Message[]) => {
      await producer.send({ topic: to, acks: -1, messages });
      if (rewritten) return;
      rewritten = true;
      await Promise.all(ids.map((id) => late.writer!.update(model, id, 1, { seq: 3 }, [event(id, 3)])));
    };
    const relay = await start(topic, model, { send: rewriteAfterFirst });
    late.writer = new AggregateWriter((collection, id) => relay.notify(collection, id));
    await model.collection.insertMany(
      ids.map((_id) => ({ _id, version: 1, seq: 2, outbox: [event(_id, 1), event(_id, 2)] })) as never[],
    );
    for (const id of ids) relay.notify(model.collection.collectionName, id);

    await eventually(async () => (await pendingCount(model)) === 0 && reader.read.length >= 18);
    expect(reader.read).toHaveLength(18);
    expect(new Set(reader.read.map((message) => message.id)).size).toBe(18);
    const byKey = firstArrivals(reader.read);
    for (const id of ids) expect(byKey.get(id)).toEqual([1, 2, 3]);
  });

  it("keeps each aggregate's events in order across many small batches and retries", async () => {
    const topic = `test.relay-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = collectionFor('counted_order');
    const reader = await readTopic(topic);
    readers.push(reader);
    let calls = 0;
    const flaky = async (producer: Producer, to: string, messages: Message[]) => {
      calls += 1;
      if (calls % 4 === 0) throw new Error('injected: every fourth batch fails');
      await producer.send({ topic: to, acks: -1, messages });
    };
    // Batches of at most two aggregates, so one aggregate's events span many batches.
    const relay = await start(topic, model, { send: flaky, maxBatchAggregates: 2 });
    const writer = new AggregateWriter((collection, id) => relay.notify(collection, id));
    const prefix = `order-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 5 }, (_, n) => `${prefix}-${n}`);
    await model.collection.insertMany(ids.map((_id) => ({ _id, version: 1, seq: 0, outbox: [] })) as never[]);
    const versions = new Map(ids.map((id) => [id, 1]));
    for (let write = 0; write < 8; write += 1) {
      await Promise.all(
        ids.map(async (id) => {
          const seqs = [write * 2 + 1, write * 2 + 2];
          versions.set(
            id,
            await writer.update(model, id, versions.get(id)!, { seq: seqs[1] }, [
              event(id, seqs[0]!),
              event(id, seqs[1]!),
            ]),
          );
        }),
      );
    }

    await eventually(
      async () => (await pendingCount(model)) === 0 && new Set(reader.read.map((m) => m.id)).size >= 80,
    );
    const byKey = firstArrivals(reader.read);
    const inOrder = Array.from({ length: 16 }, (_, n) => n + 1);
    for (const id of ids) {
      expect(byKey.get(id)).toEqual(inOrder);
      // One key, one partition: the order a consumer sees is the order written.
      expect(new Set(reader.read.filter((m) => m.key === id).map((m) => m.partition)).size).toBe(1);
    }
    expect(calls).toBeGreaterThan(4);
  });
  it('does not let an aggregate the broker keeps refusing hold back the others', async () => {
    const topic = `test.relay-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = collectionFor('counted_poison');
    const prefix = `poison-${randomUUID().slice(0, 8)}`;
    const poison = `${prefix}-refused`;
    const ids = [poison, ...Array.from({ length: 6 }, (_, n) => `${prefix}-${n}`)];
    await model.collection.insertMany(
      ids.map((_id) => ({ _id, version: 1, seq: 1, outbox: [event(_id, 1)] })) as never[],
    );
    const reader = await readTopic(topic);
    readers.push(reader);
    const refusePoison = async (producer: Producer, to: string, messages: Message[]) => {
      if (messages.some((message) => message.key === poison)) throw new Error('injected: message too large');
      await producer.send({ topic: to, acks: -1, messages });
    };
    await start(topic, model, { send: refusePoison });

    await eventually(async () => new Set(reader.read.map((m) => m.key)).size >= 6, 60_000);
    expect(new Set(reader.read.map((m) => m.key))).toEqual(new Set(ids.slice(1)));
    const refused = await model.collection.findOne({ _id: poison } as never);
    expect((refused?.outbox as unknown[]).length).toBe(1);
  });
  it('drains a backlog larger than one sweep page in the first sweep', async () => {
    const topic = `test.relay-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = collectionFor('counted_backlog');
    const prefix = `backlog-${randomUUID().slice(0, 8)}`;
    // Left by an outage: more aggregates than one page (500) of the sweep, nobody notified.
    const ids = Array.from({ length: 1200 }, (_, n) => `${prefix}-${n}`);
    await model.collection.insertMany(
      ids.map((_id) => ({ _id, version: 1, seq: 1, outbox: [event(_id, 1)] })) as never[],
    );
    const reader = await readTopic(topic);
    readers.push(reader);
    // No second sweep comes during the test: only the first one can find them all.
    await start(topic, model, { sweepIntervalMs: 3_600_000 });

    await eventually(async () => new Set(reader.read.map((m) => m.key)).size >= ids.length, 60_000);
    expect(new Set(reader.read.map((m) => m.key))).toEqual(new Set(ids));
    expect(await pendingCount(model)).toBe(0);
  });
});
