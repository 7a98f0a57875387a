import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import type { Kafka, Message } from 'kafkajs';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  createEvent,
  createKafka,
  ensureTopics,
  loadEventSchemas,
  startIdempotentConsumer,
  TOPICS,
  type CloudEvent,
  type Logger,
} from '@courtyard/kernel';
import { startKpiConsumer } from '../../analytics/src/events/kpi-consumer.js';
import { createJudge } from '../../analytics/src/events/verdict.js';
import { AnalyticsStateRepository } from '../../analytics/src/repository/analytics-state.repository.js';
import { SeenEventsRepository } from '../../analytics/src/repository/seen-events.repository.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { perSecond, until } from './stats.js';

interface ConsumerBenchOptions {
  mongoUrl: string;
  brokers: string[];
  logger: Logger;
  burst: number;
}

const toMessage = (event: CloudEvent): Message => ({
  key: event.subject,
  value: JSON.stringify(event),
  headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_id: event.id, ce_type: event.type },
});

/** Produces the burst as fast as one producer can: requests of 1,000 messages, all in flight at once. */
async function produce(kafka: Kafka, topic: string, events: CloudEvent[]): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const chunks = Array.from({ length: Math.ceil(events.length / 1000) }, (_, n) =>
    events.slice(n * 1000, n * 1000 + 1000),
  );
  await Promise.all(
    chunks.map((chunk) => producer.send({ topic, acks: -1, messages: chunk.map(toMessage) })),
  );
  const at = performance.now();
  await producer.disconnect();
  return at;
}

/**
 * Burst against a running, caught-up consumer: `burst` events produced at once; lag is zero when
 * the consumer has settled every one of them. Throughput is the burst over the time from its
 * first settled event to its last.
 */
async function burstAgainst(
  kafka: Kafka,
  topic: string,
  events: CloudEvent[],
  settled: () => { count: number; firstAt: number; lastAt: number },
) {
  const before = settled().count;
  const startedAt = performance.now();
  const producedAt = await produce(kafka, topic, events);
  const caughtUp = await until(() => settled().count >= before + events.length, 120_000);
  const { count, firstAt, lastAt } = settled();
  return {
    burst: events.length,
    caughtUp,
    settled: count - before,
    eventsPerSecond: perSecond(events.length, lastAt - firstAt),
    produceMs: Math.round(producedAt - startedAt),
    /** From the last produce acknowledgement until lag was zero. */
    lagZeroAfterBurstMs: Math.round(lastAt - producedAt),
    /** From the first produce request until lag was zero. */
    lagZeroFromBurstStartMs: Math.round(lastAt - startedAt),
  };
}

/** (c) The kernel's idempotent consumer: parse, processed-id check, handler, processed mark. */
export async function benchKernelConsumer(options: ConsumerBenchOptions) {
  const topic = `bench.consumer.${randomUUID().slice(0, 8)}`;
  const kafka = createKafka('bench-consumer', options.brokers, options.logger);
  await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
  const client = await mongoose.mongo.MongoClient.connect(options.mongoUrl);
  const db = client.db(`bench_consumer_${randomUUID().slice(0, 8)}`);
  const applied = new Map<string, number>();
  const progress = { count: 0, firstAt: 0, lastAt: 0 };
  const consumer = await startIdempotentConsumer({
    kafka,
    db,
    groupId: `bench-consumer-${randomUUID()}`,
    actor: 'bench',
    topics: [topic],
    // The handler only counts: what is measured is the consumer's own plumbing per event.
    handlers: {
      'bench.counted.v1': async (event) => {
        applied.set(event.id, (applied.get(event.id) ?? 0) + 1);
      },
    },
    deadLetterTopic: TOPICS.deadLetter,
    maxAttempts: 3,
    logger: options.logger,
    onOutcome: () => {
      const now = performance.now();
      progress.count += 1;
      progress.firstAt ||= now;
      progress.lastAt = now;
    },
  });
  const event = (n: number) =>
    createEvent('bench', {
      type: 'bench.counted.v1',
      subject: `key-${n % 100}`,
      data: { n },
      time: new Date(),
    });
  // Joined and caught up before the burst.
  await produce(kafka, topic, [event(-1)]);
  await until(() => progress.count >= 1, 60_000);
  progress.firstAt = 0;
  const events = Array.from({ length: options.burst }, (_, n) => event(n));
  const result = await burstAgainst(kafka, topic, events, () => progress);
  const appliedTwice = [...applied.values()].filter((times) => times > 1).length;
  const marks = await db.collection('processed_events').countDocuments();
  await consumer.stop();
  await db.dropDatabase();
  await client.close();
  return { ...result, appliedOnce: applied.size - 1, appliedTwice, processedMarks: marks - 1 };
}

/** (c) The analytics consumer: schema verdict, fold, one state save per batch. */
export async function benchAnalyticsConsumer(options: ConsumerBenchOptions) {
  const topic = `bench.analytics.${randomUUID().slice(0, 8)}`;
  const kafka = createKafka('bench-analytics', options.brokers, options.logger);
  await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
  const client = await mongoose.mongo.MongoClient.connect(options.mongoUrl);
  const db = client.db(`bench_analytics_${randomUUID().slice(0, 8)}`);
  const groupId = `bench-analytics-${randomUUID()}`;
  const repository = new AnalyticsStateRepository(db, groupId);
  const start = await repository.begin({ timeZone: 'Asia/Shanghai', replay: false });
  const consumer = await startKpiConsumer({
    kafka,
    groupId,
    topics: [topic],
    deadLetterTopic: TOPICS.deadLetter,
    judge: createJudge(loadEventSchemas(`${ROOT}schema/events`)),
    repository,
    seen: new SeenEventsRepository(db),
    start,
    logger: options.logger,
    onFatal: (error) => {
      throw error;
    },
  });
  // A valid intake event (the published example), one per help request.
  const example = (
    JSON.parse(readFileSync(`${ROOT}schema/events/workorder.received.v1.json`, 'utf8')) as {
      examples: CloudEvent<Record<string, unknown>>[];
    }
  ).examples[0]!;
  const event = (): CloudEvent => {
    const id = randomUUID();
    return { ...example, id: randomUUID(), subject: id, data: { ...example.data, helpRequestId: id } };
  };
  const progress = { count: 0, firstAt: 0, lastAt: 0 };
  let lastApplied = 0;
  const timer = setInterval(() => {
    const { applied } = consumer.current().tallies;
    if (applied !== lastApplied) {
      const now = performance.now();
      if (lastApplied === 1 && progress.firstAt === 0) progress.firstAt = now;
      progress.count = applied;
      progress.lastAt = now;
      lastApplied = applied;
    }
  }, 5);
  await produce(kafka, topic, [event()]);
  await until(() => consumer.current().tallies.applied >= 1, 60_000);
  progress.count = 1;
  lastApplied = 1;
  const result = await burstAgainst(
    kafka,
    topic,
    Array.from({ length: options.burst }, event),
    () => progress,
  );
  clearInterval(timer);
  const { tallies } = consumer.current();
  await consumer.stop();
  await db.dropDatabase();
  await client.close();
  return {
    ...result,
    appliedOnce: tallies.applied - 1,
    duplicates: tallies.duplicates,
    deadLettered: tallies.deadLettered,
  };
}
