import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadInfraOptions, startKafka, type ManagedServer } from '@courtyard/infra';
import { TOPICS } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraSubgraph } from '../support/extra-service.js';
import { TEST_DIR, testKafkaPorts, testPort } from '../support/test-env.js';
import { EventTap } from '../support/events.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { callSubgraph, eventually } from '../support/subgraph.js';

/** Its own broker, so stopping it cannot disturb the rest of the suite. */
const infraDir = `${TEST_DIR}-outage`;
const options = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: infraDir,
  ...testKafkaPorts(),
});
const brokers = [`127.0.0.1:${options.kafkaPort}`];
const database = `residents_outage_${randomUUID().slice(0, 8)}`;

/** What a service logged after `from` bytes of its log: its kafkajs lines and how many errors they stand for. */
function kafkaLogSince(file: string, from: number) {
  const text = readFileSync(file).subarray(from).toString('utf8');
  const kafkaLines = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { component?: string; repeated?: number })
    .filter(({ component }) => component === 'kafka');
  return {
    bytes: Buffer.byteLength(text),
    lines: kafkaLines.length,
    errors: kafkaLines.reduce((sum, { repeated }) => sum + 1 + (repeated ?? 0), 0),
  };
}

describe('outbox: a broker outage delays events but loses none', () => {
  let kafka: ManagedServer;
  let service: NodeService;

  beforeAll(async () => {
    rmSync(infraDir, { recursive: true, force: true });
    kafka = await startKafka(options);
    service = await startExtraSubgraph('residents', 'outage', testPort(1), {
      MONGO_DATABASE: database,
      KAFKA_BROKERS: brokers.join(','),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await kafka?.stop();
    rmSync(infraDir, { recursive: true, force: true });
  });

  it('publishes writes made while Kafka was down once it is back, logging a bounded amount meanwhile', async () => {
    const logStart = statSync(service.logFile).size;
    await kafka.stop('SIGTERM');

    const codes = Array.from({ length: 5 }, () => uniqueCode('OUTAGE'));
    for (const code of codes) {
      const result = await callSubgraph(service.baseUrl, CREATE_PROPERTY, {
        input: { code, name: 'Outage Court', address: 'x', timeZone: 'Asia/Shanghai' },
      });
      expect(result.errors).toBeUndefined();
    }
    const pending = await withDatabase(database, (db) =>
      db.collection('properties').countDocuments({ code: { $in: codes }, 'outbox.0': { $exists: true } }),
    );
    expect(pending).toBe(5);

    // The relay's client retries while the broker is away, each try a kafkajs error: once 40 of
    // them have been reported, they must take a few lines (the first of each and a count every
    // 10 s), not one line each (a 30 s outage once wrote 7 MB).
    const outage = await eventually(async () => {
      const logged = kafkaLogSince(service.logFile, logStart);
      return logged.errors >= 40 && logged;
    }, 90_000);
    expect(outage.lines).toBeLessThanOrEqual(15);
    expect(outage.bytes).toBeLessThan(20_000);

    kafka = await startKafka(options);
    const tap = await EventTap.start(TOPICS.residents, brokers);
    try {
      const events = await tap.waitFor(
        (event) =>
          event.type === 'property.created.v1' && codes.includes((event.data as { code: string }).code),
        5,
        90_000,
      );
      expect(new Set(events.map((event) => (event.data as { code: string }).code))).toEqual(new Set(codes));
    } finally {
      await tap.stop();
    }
    await eventually(
      async () =>
        (await withDatabase(database, (db) =>
          db.collection('properties').countDocuments({ 'outbox.0': { $exists: true } }),
        )) === 0,
    );
  });
});
