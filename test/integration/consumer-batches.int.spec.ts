import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  createEvent,
  createKafka,
  createLogger,
  ensureTopics,
  PROCESSED_EVENTS_COLLECTION,
  startIdempotentConsumer,
  TOPICS,
  type ConsumeOutcome,
  type IdempotentConsumer,
} from '@courtyard/kernel';
import { eventually } from '../support/subgraph.js';

const logger = createLogger('consumer-batches-test', 'silent');
const kafka = createKafka('consumer-batches-test', process.env.KAFKA_BROKERS!.split(','), logger);

describe('idempotent consumer: a batch of messages is checked and marked at once, each event applied once', () => {
  let consumer: IdempotentConsumer | undefined;
  let client: mongoose.mongo.MongoClient | undefined;
  const producer = kafka.producer();
  afterAll(async () => {
    await consumer?.stop();
    await producer.disconnect();
    await client?.close();
  });

  it('applies a duplicate inside one batch once, and skips an event marked processed before', async () => {
    const topic = `test.consumer-batches.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
    const event = (subject: string) =>
      createEvent('test', { type: 'thing.happened.v1', subject, data: { subject }, time: new Date() });
    const [first, second, earlier] = [event('first'), event('second'), event('earlier')];
    const groupId = `consumer-batches-test-${randomUUID()}`;
    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    const db = client.db(`consumer_batches_${randomUUID().slice(0, 8)}`);
    // Processed by this group before (its effect is written, its offset was never committed).
    await db.collection(PROCESSED_EVENTS_COLLECTION).insertOne({
      _id: `${groupId}:${earlier.id}` as never,
      eventId: earlier.id,
      type: earlier.type,
      outcome: 'applied',
      processedAt: new Date(),
    });
    // One produce request, one key: the consumer fetches them as one batch, the copy right behind.
    await producer.connect();
    await producer.send({
      topic,
      messages: [first, first, earlier, second, first].map((e) => ({ key: 'k', value: JSON.stringify(e) })),
    });

    const applied: string[] = [];
    const outcomes: Array<[string, ConsumeOutcome]> = [];
    consumer = await startIdempotentConsumer({
      kafka,
      db,
      groupId,
      actor: 'consumer-batches-test',
      topics: [topic],
      handlers: {
        'thing.happened.v1': async (received) => {
          applied.push(received.subject);
        },
      },
      deadLetterTopic: TOPICS.deadLetter,
      maxAttempts: 3,
      logger,
      onOutcome: (received, outcome) => outcomes.push([received.subject, outcome]),
    });
    await eventually(async () => outcomes.length >= 5, 60_000);
    expect(applied).toEqual(['first', 'second']);
    expect(outcomes).toEqual([
      ['first', 'applied'],
      ['first', 'duplicate'],
      ['earlier', 'duplicate'],
      ['second', 'applied'],
      ['first', 'duplicate'],
    ]);
    const marks = await db
      .collection(PROCESSED_EVENTS_COLLECTION)
      .find({}, { projection: { eventId: 1, outcome: 1 } })
      .toArray();
    expect(marks.map((mark) => mark.eventId).sort()).toEqual([first.id, second.id, earlier.id].sort());
  });
});
