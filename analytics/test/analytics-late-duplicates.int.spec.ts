import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { createKafka, createLogger, TOPICS, type CloudEvent } from '@courtyard/kernel';
import { startNodeService, type NodeService } from '../../scripts/lib/processes.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { eventually } from '../../test/support/subgraph.js';
import { TEST_LOG_DIR, testPort } from '../../test/support/test-env.js';
import type { KpiSnapshot } from '../src/domain/snapshot.js';
import { SEEN_EVENTS_COLLECTION, type SeenEventDocument } from '../src/repository/seen-events.repository.js';

const run = randomUUID().slice(0, 8);
const database = `analytics_late_${run}`;
const kafka = createKafka(
  'analytics-late-test',
  process.env.KAFKA_BROKERS!.split(','),
  createLogger('t', 'silent'),
);
const example = (
  JSON.parse(readFileSync(`${ROOT}schema/events/workorder.received.v1.json`, 'utf8')) as {
    examples: Array<CloudEvent<Record<string, unknown>>>;
  }
).examples[0]!;

/** A valid intake event (the published example) of a help request at a property. */
const received = (propertyId: string): CloudEvent => {
  const helpRequestId = randomUUID();
  return {
    ...example,
    id: randomUUID(),
    subject: helpRequestId,
    propertyid: propertyId,
    data: { ...example.data, helpRequestId, propertyId },
  };
};

describe('analytics: a copy of an event republished long after the original is counted once', () => {
  const producer = kafka.producer();
  let analytics: NodeService;
  let client: mongoose.mongo.MongoClient;
  /**
   * Each message is keyed by its subject, as the relay keys it (the event contract checks it),
   * and all are sent to one partition, so the copy and its original share a partition.
   */
  const partition = 0;
  const send = async (events: CloudEvent[]) => {
    const [sent] = await producer.send({
      topic: TOPICS.workOrders,
      messages: events.map((event) => ({
        key: event.subject ?? null,
        partition,
        value: JSON.stringify(event),
      })),
    });
    return { partition: sent!.partition, offset: sent!.baseOffset! };
  };
  const seenEvents = () => client.db(database).collection<SeenEventDocument>(SEEN_EVENTS_COLLECTION);
  const opened = async (propertyId: string) => {
    const response = await fetch(`${analytics.baseUrl}/kpis?propertyId=${propertyId}`);
    const snapshot = (await response.json()) as KpiSnapshot;
    return { opened: snapshot.properties[0]?.totals.helpRequests.opened ?? 0, snapshot };
  };

  beforeAll(async () => {
    await producer.connect();
    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
  });
  afterAll(async () => {
    await analytics?.stop();
    await producer.disconnect();
    await client.db(database).dropDatabase();
    await client.close();
  });

  it('folds an event whose id an attempt recorded before dying ahead of its state write, once', async () => {
    // The record is written before the state; a crash in between leaves it with the state behind it.
    const crashed = `p-crashed-${run}`;
    const event = received(crashed);
    const { partition, offset } = await send([event]);
    await seenEvents().insertOne({
      _id: event.id,
      topic: TOPICS.workOrders,
      partition,
      offset,
      at: new Date(),
    });

    analytics = await startNodeService({
      name: 'analytics-late',
      entry: `${ROOT}analytics/src/index.ts`,
      port: testPort(13),
      logFile: `${TEST_LOG_DIR}/analytics-late.log`,
      env: {
        ...process.env,
        PORT: String(testPort(13)),
        MONGO_DATABASE: database,
        ANALYTICS_GROUP_ID: `analytics-late-${run}`,
        LOG_LEVEL: 'info',
      },
    });
    await eventually(async () => (await opened(crashed)).opened > 0);
    expect((await opened(crashed)).opened).toBe(1);
  });

  it('skips a republished copy 1,001 messages after the original on the same partition', async () => {
    const property = `p-late-${run}`;
    const busy = `p-busy-${run}`;
    const original = received(property);
    const first = await send([original, ...Array.from({ length: 1_001 }, () => received(busy))]);
    await eventually(async () => (await opened(busy)).opened === 1_001, 90_000);
    expect((await opened(property)).opened).toBe(1);

    // The outbox relay republishes it (same id, same key, so the same partition) after more than
    // 1,000 newer messages.
    const duplicatesBefore = (await opened(property)).snapshot.consumption.duplicates;
    const marker = `p-marker-${run}`;
    const copy = await send([original, received(marker)]);
    expect(copy.partition).toBe(first.partition);
    expect(BigInt(copy.offset) - BigInt(first.offset)).toBeGreaterThan(1_000n);
    // The marker follows the copy on its partition: once it is counted, the copy was read.
    await eventually(async () => (await opened(marker)).opened === 1, 60_000);

    const after = await opened(property);
    expect(after.opened).toBe(1);
    expect(after.snapshot.consumption.duplicates).toBe(duplicatesBefore + 1);
    expect(await seenEvents().findOne({ _id: original.id })).toMatchObject({
      topic: TOPICS.workOrders,
      partition: first.partition,
      offset: first.offset,
    });
  });
});
