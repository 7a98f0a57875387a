import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  createKafka,
  createLogger,
  startIdempotentConsumer,
  TOPICS,
  type ConsumeOutcome,
  type IdempotentConsumer,
} from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraSubgraph } from '../support/extra-service.js';
import { testPort } from '../support/test-env.js';
import { EventTap } from '../support/events.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { callSubgraph, eventually } from '../support/subgraph.js';

const database = `residents_crash_${randomUUID().slice(0, 8)}`;
const startResidents = (extra: NodeJS.ProcessEnv) =>
  startExtraSubgraph('residents', 'crash', testPort(2), { MONGO_DATABASE: database, ...extra });

describe('outbox: the relay killed between publishing and removing loses nothing and duplicates harmlessly', () => {
  let service: NodeService | undefined;
  let tap: EventTap | undefined;
  let consumer: IdempotentConsumer | undefined;
  let client: mongoose.mongo.MongoClient | undefined;
  afterAll(async () => {
    await Promise.all([service?.stop(), tap?.stop(), consumer?.stop()]);
    await client?.close();
  });

  it('republishes the same event ids after a restart, and a consumer applies them once', async () => {
    tap = await EventTap.start(TOPICS.residents);
    service = await startResidents({ OUTBOX_FAULT_KILL_AFTER_PUBLISH: 'true' });
    const code = uniqueCode('CRASH');
    const crashing = service;
    const exited = new Promise((resolve) => crashing.child.once('exit', (_code, signal) => resolve(signal)));
    await callSubgraph(crashing.baseUrl, CREATE_PROPERTY, {
      input: { code, name: 'Crash Court', address: 'x', timeZone: 'Asia/Shanghai' },
    }).catch(() => undefined); // the process may die before its response is flushed
    expect(await exited).toBe('SIGKILL');

    const isOurs = (event: { type: string; data: unknown }) =>
      event.type === 'property.created.v1' && (event.data as { code: string }).code === code;
    const [first] = await tap.waitFor(isOurs, 1);
    const stillPending = await withDatabase(database, (db) => db.collection('properties').findOne({ code }));
    expect((stillPending?.outbox as Array<{ id: string }>).map((event) => event.id)).toEqual([first!.id]);

    service = await startResidents({});
    const copies = await tap.waitFor(isOurs, 2);
    expect(copies.map((event) => event.id)).toEqual([first!.id, first!.id]);
    await eventually(async () => {
      const doc = await withDatabase(database, (db) => db.collection('properties').findOne({ code }));
      return (doc?.outbox as unknown[] | undefined)?.length === 0;
    });

    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    const applied: string[] = [];
    const outcomes: ConsumeOutcome[] = [];
    const logger = createLogger('crash-test', 'warn');
    consumer = await startIdempotentConsumer({
      kafka: createKafka('crash-test', process.env.KAFKA_BROKERS!.split(','), logger),
      db: client.db(`consumer_${database}`),
      groupId: `crash-test-${randomUUID()}`,
      actor: 'crash-test',
      topics: [TOPICS.residents],
      handlers: {
        'property.created.v1': async (event) => {
          if (isOurs(event)) applied.push(event.id);
        },
      },
      deadLetterTopic: TOPICS.deadLetter,
      maxAttempts: 3,
      logger,
      onOutcome: (event, outcome) => {
        if (isOurs(event)) outcomes.push(outcome);
      },
    });
    await eventually(async () => outcomes.length >= 2, 60_000);
    expect(outcomes).toEqual(['applied', 'duplicate']);
    expect(applied).toEqual([first!.id]);
  });
});
