import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  createEvent,
  createKafka,
  createLogger,
  ensureTopics,
  startIdempotentConsumer,
  TOPICS,
  type ConsumeOutcome,
  type IdempotentConsumer,
} from '@courtyard/kernel';
import { eventually } from '../support/subgraph.js';

const logger = createLogger('dead-letter-test', 'silent');
const kafka = createKafka('dead-letter-test', process.env.KAFKA_BROKERS!.split(','), logger);

describe('idempotent consumer: a message it cannot handle goes to the dead-letter topic and does not stop it', () => {
  let consumer: IdempotentConsumer | undefined;
  let client: mongoose.mongo.MongoClient | undefined;
  const producer = kafka.producer();
  const dlq = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
  afterAll(async () => {
    await consumer?.stop();
    await Promise.all([producer.disconnect(), dlq.disconnect()]);
    await client?.close();
  });

  it('retries a failing handler a bounded number of times, dead-letters it with the error, and goes on', async () => {
    const topic = `test.dead-letter.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
    const event = (subject: string) =>
      createEvent('test', { type: 'thing.happened.v1', subject, data: { subject }, time: new Date() });
    const [good, poison, later] = [event('good'), event('poison'), event('later')];
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'k', value: JSON.stringify(good) },
        { key: 'k', value: JSON.stringify(poison) },
        { key: 'k', value: 'this is not a CloudEvent' },
        { key: 'k', value: JSON.stringify(later) },
      ],
    });

    const attempts = new Map<string, number>();
    const outcomes: Array<[string, ConsumeOutcome]> = [];
    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    consumer = await startIdempotentConsumer({
      kafka,
      db: client.db(`dead_letter_${randomUUID().slice(0, 8)}`),
      groupId: `dead-letter-test-${randomUUID()}`,
      actor: 'dead-letter-test',
      topics: [topic],
      handlers: {
        'thing.happened.v1': async (received) => {
          attempts.set(received.subject, (attempts.get(received.subject) ?? 0) + 1);
          if (received.subject === 'poison') throw new Error('cannot apply poison');
        },
      },
      deadLetterTopic: TOPICS.deadLetter,
      maxAttempts: 3,
      logger,
      onOutcome: (received, outcome) => outcomes.push([received.subject, outcome]),
    });
    await eventually(async () => outcomes.length >= 3, 60_000);
    expect(outcomes).toEqual([
      ['good', 'applied'],
      ['poison', 'dead_lettered'],
      ['later', 'applied'],
    ]);
    expect(Object.fromEntries(attempts)).toEqual({ good: 1, poison: 3, later: 1 });

    const dead: Array<{ value: string; headers: Record<string, string> }> = [];
    await dlq.connect();
    await dlq.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        if (headers['x-original-topic'] === topic)
          dead.push({ value: message.value?.toString() ?? '', headers });
      },
    });
    await eventually(async () => dead.length >= 2, 60_000);
    expect(dead.map((message) => message.headers['x-error'])).toEqual([
      'cannot apply poison',
      'not a CloudEvents 1.0 JSON message',
    ]);
    expect(JSON.parse(dead[0]!.value)).toMatchObject({ id: poison.id });
    expect(dead[1]!.value).toBe('this is not a CloudEvent');
  });
});
