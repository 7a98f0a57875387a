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

const logger = createLogger('consumer-offset-commits-test', 'silent');
const kafka = createKafka('consumer-offset-commits-test', process.env.KAFKA_BROKERS!.split(','), logger);

/** What the group would resume each partition from, next to where each partition ends. */
async function committedAndEnds(admin: ReturnType<typeof kafka.admin>, groupId: string, topic: string) {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const ends = await admin.fetchTopicOffsets(topic);
  const byPartition = new Map(committed!.partitions.map(({ partition, offset }) => [partition, offset]));
  return ends
    .map(({ partition, high }) => ({ partition, committed: byPartition.get(partition) ?? '-1', end: high }))
    .sort((a, b) => a.partition - b.partition);
}

describe('idempotent consumer: offsets are committed on a beat, and nothing settled is lost to it', () => {
  const admin = kafka.admin();
  const producer = kafka.producer();
  const running: IdempotentConsumer[] = [];
  let client: mongoose.mongo.MongoClient | undefined;
  afterAll(async () => {
    await Promise.all(running.map((consumer) => consumer.stop()));
    await producer.disconnect();
    await admin.disconnect();
    await client?.close();
  });

  const setUp = async (name: string) => {
    const topic = `test.offset-commits.${name}.${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
    await Promise.all([admin.connect(), producer.connect()]);
    client ??= await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    const db = client.db(`offset_commits_${randomUUID().slice(0, 8)}`);
    const groupId = `offset-commits-test-${randomUUID()}`;
    const publish = (subjects: string[]) =>
      producer.send({
        topic,
        messages: subjects.map((subject) => ({
          key: subject,
          value: JSON.stringify(
            createEvent('test', { type: 'thing.happened.v1', subject, data: { subject }, time: new Date() }),
          ),
        })),
      });
    const start = async (commitIntervalMs: number, outcomes: Array<[string, ConsumeOutcome]>) => {
      const consumer = await startIdempotentConsumer({
        kafka,
        db,
        groupId,
        actor: 'consumer-offset-commits-test',
        topics: [topic],
        handlers: { 'thing.happened.v1': async () => undefined },
        deadLetterTopic: TOPICS.deadLetter,
        maxAttempts: 3,
        commitIntervalMs,
        logger,
        onOutcome: (event, outcome) => outcomes.push([event.subject, outcome]),
      });
      running.push(consumer);
      return consumer;
    };
    return { topic, groupId, publish, start };
  };

  it('commits a burst to its end on the beat, with no message after it to carry the commit', async () => {
    const { topic, groupId, publish, start } = await setUp('burst');
    const subjects = Array.from({ length: 300 }, (_, n) => `burst-${n}`);
    await publish(subjects);
    const outcomes: Array<[string, ConsumeOutcome]> = [];
    await start(200, outcomes);
    await eventually(async () => outcomes.length >= subjects.length, 60_000);
    await eventually(async () => {
      const partitions = await committedAndEnds(admin, groupId, topic);
      return partitions.filter(({ end }) => end !== '0').every(({ committed, end }) => committed === end);
    }, 30_000);
    expect(outcomes.filter(([, outcome]) => outcome === 'applied')).toHaveLength(subjects.length);
  });

  it('commits what it settled when it stops, though its beat never came, so a restart redelivers nothing', async () => {
    const { topic, groupId, publish, start } = await setUp('stop');
    const before = Array.from({ length: 40 }, (_, n) => `before-${n}`);
    await publish(before);
    const first: Array<[string, ConsumeOutcome]> = [];
    const consumer = await start(60_000, first);
    await eventually(async () => first.length >= before.length, 60_000);
    // Settled, but the beat is a minute away: nothing is committed yet (one commit per batch would have).
    expect((await committedAndEnds(admin, groupId, topic)).every(({ committed }) => committed === '-1')).toBe(
      true,
    );
    await consumer.stop();
    running.splice(running.indexOf(consumer), 1);
    const partitions = await committedAndEnds(admin, groupId, topic);
    expect(partitions.filter(({ end }) => end !== '0').every(({ committed, end }) => committed === end)).toBe(
      true,
    );

    const second: Array<[string, ConsumeOutcome]> = [];
    await start(60_000, second);
    await publish(['after']);
    await eventually(async () => second.length >= 1, 60_000);
    expect(second).toEqual([['after', 'applied']]);
  });
});
