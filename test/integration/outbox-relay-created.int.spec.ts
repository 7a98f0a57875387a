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
} from '@courtyard/kernel';
import { eventually } from '../support/subgraph.js';

const logger = createLogger('relay-created-test', 'silent');
const kafka = createKafka('relay-created-test', process.env.KAFKA_BROKERS!.split(','), logger);

interface Counted extends AggregateDocument {
  seq: number;
}

/** Every message of a topic from the start: key and the aggregate's sequence number. */
async function readTopic(topic: string) {
  const read: Array<{ key: string; seq: number }> = [];
  const consumer = kafka.consumer({ groupId: `relay-created-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as { data: { seq: number } };
      read.push({ key: message.key!.toString(), seq: event.data.seq });
    },
  });
  return { read, stop: () => consumer.disconnect() };
}

describe('outbox relay: what a write creates is sent from memory, what is written after it is read back', () => {
  let connection: mongoose.Connection;
  /** The `_id`s of every outbox read by id (the relay's batch read; the sweep filters on the outbox). */
  const readsById: string[][] = [];
  /** Collections whose relay's first sweep has been answered (it would find what the test writes). */
  const swept = new Set<string>();
  const sweepRequests = new Map<number, string>();
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, {
        dbName: `relay_created_${randomUUID().slice(0, 8)}`,
        monitorCommands: true,
      })
      .asPromise();
    connection.getClient().on('commandStarted', (started) => {
      const filter = (started.command as { filter?: { _id?: { $in?: string[] } } }).filter;
      if (started.commandName !== 'find') return;
      if (filter?._id?.$in) readsById.push(filter._id.$in);
      else if (filter && 'outbox.0' in filter)
        sweepRequests.set(started.requestId, (started.command as { find: string }).find);
    });
    connection.getClient().on('commandSucceeded', (succeeded) => {
      const collection = sweepRequests.get(succeeded.requestId);
      if (collection) swept.add(collection);
    });
  });
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    await connection.dropDatabase();
    await connection.close();
  });

  const event = (id: string, seq: number) =>
    createEvent('test', { type: 'test.counted.v1', subject: id, data: { seq }, time: new Date() });

  const setUp = async (
    name: string,
    send?: (producer: Producer, topic: string, messages: Message[]) => Promise<void>,
  ) => {
    const topic = `test.relay-created.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic]);
    const model = connection.model<Counted>(
      name,
      new mongoose.Schema({}, { strict: false, collection: name }),
    );
    const reader = await readTopic(topic);
    const relay: OutboxRelay = await startOutboxRelay({
      db: connection.db!,
      kafka,
      topic,
      collections: [name],
      logger,
      sweepIntervalMs: 3_600_000,
      ...(send ? { send } : {}),
    });
    cleanup.push(
      () => reader.stop(),
      () => relay.stop(),
    );
    // Written before the start-up sweep is answered, an aggregate would be found by it as well.
    await eventually(async () => swept.has(name));
    const writer = new AggregateWriter((collection, id, created) => relay.notify(collection, id, created));
    const pending = () => model.countDocuments({ 'outbox.0': { $exists: true } });
    return { model, reader, writer, pending };
  };

  it('publishes created aggregates in order and removes them from the outbox without reading one back', async () => {
    const { model, reader, writer, pending } = await setUp('created_only');
    const ids = Array.from({ length: 20 }, (_, n) => `created-${randomUUID().slice(0, 8)}-${n}`);
    await Promise.all(
      ids.map((_id) => writer.insert(model, { _id, seq: 2 }, [event(_id, 1), event(_id, 2)])),
    );

    await eventually(async () => reader.read.length >= 40 && (await pending()) === 0);
    for (const id of ids) expect(reader.read.filter((m) => m.key === id).map((m) => m.seq)).toEqual([1, 2]);
    expect(readsById.flat().filter((id) => ids.includes(id))).toEqual([]);
  });

  it('reads back an aggregate written again before its first batch, so its events stay in order', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    // The first batch waits at the broker until both aggregates below are written.
    const holdFirst = async (producer: Producer, topic: string, messages: Message[]) => {
      batches += 1;
      if (batches === 1) await held;
      await producer.send({ topic, acks: -1, messages });
    };
    const { model, reader, writer, pending } = await setUp('created_then_updated', holdFirst);
    const prefix = `later-${randomUUID().slice(0, 8)}`;
    await writer.insert(model, { _id: `${prefix}-first`, seq: 1 }, [event(`${prefix}-first`, 1)]);
    await eventually(async () => batches === 1);
    // Created, then changed while the first batch is held: only the changed one must be read.
    const [changed, untouched] = [`${prefix}-changed`, `${prefix}-untouched`];
    await writer.insert(model, { _id: changed, seq: 1 }, [event(changed, 1)]);
    await writer.insert(model, { _id: untouched, seq: 1 }, [event(untouched, 1)]);
    await writer.update(model, changed, 1, { seq: 2 }, [event(changed, 2)]);
    release();

    await eventually(async () => reader.read.length >= 4 && (await pending()) === 0);
    const seqsOf = (key: string) => reader.read.filter((m) => m.key === key).map((m) => m.seq);
    expect(seqsOf(`${prefix}-first`)).toEqual([1]);
    expect(seqsOf(changed)).toEqual([1, 2]);
    expect(seqsOf(untouched)).toEqual([1]);
    const read = readsById.flat().filter((id) => id.startsWith(prefix));
    expect(read).toEqual([changed]);
  });
});
