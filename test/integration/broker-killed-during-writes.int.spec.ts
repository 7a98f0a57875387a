import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadInfraOptions, startKafka, type ManagedServer } from '@courtyard/infra';
import { TOPICS } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { EventTap } from '../support/events.js';
import { startExtraSubgraph } from '../support/extra-service.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { callSubgraph, eventually } from '../support/subgraph.js';
import { TEST_DIR, TEST_LOG_DIR, testKafkaPorts, testPort } from '../support/test-env.js';

/** A broker of its own, to kill: the rest of the suite keeps its own. */
const infraDir = `${TEST_DIR}-broker-kill`;
const options = loadInfraOptions({ ...process.env, COURTYARD_INFRA_DIR: infraDir, ...testKafkaPorts() });
const brokers = [`127.0.0.1:${options.kafkaPort}`].join(',');
const run = randomUUID().slice(0, 8);
const WRITES = 240;
const WRITERS = 4;
/** Acknowledged writes before the broker is killed, and before it is started again. */
const KILL_AT = 60;
const RESTART_AT = 120;

interface Projected {
  _id: string;
  version: number;
  causedBy?: string[];
}

describe('fault injection: the broker killed and restarted during a stream of writes', () => {
  let kafka: ManagedServer;
  let residents: NodeService;
  let workOrders: NodeService;

  beforeAll(async () => {
    rmSync(infraDir, { recursive: true, force: true });
    kafka = await startKafka(options);
    residents = await startExtraSubgraph('residents', 'broker-kill', testPort(70), {
      MONGO_DATABASE: `residents_broker_kill_${run}`,
      KAFKA_BROKERS: brokers,
    });
    // The consumer under test: work-orders' properties projection, on its own database and group.
    workOrders = await startExtraSubgraph('work-orders', 'broker-kill', testPort(71), {
      MONGO_DATABASE: `work_orders_broker_kill_${run}`,
      KAFKA_BROKERS: brokers,
      CONSUMER_GROUP_PREFIX: `broker-kill-${run}`,
    });
  });
  afterAll(async () => {
    await workOrders?.stop();
    await residents?.stop();
    await kafka?.stop();
    rmSync(infraDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write and applies each event once in the consumer', async () => {
    const acknowledged = new Map<string, string>();
    let failed = 0;
    let firstFailure: string | undefined;
    let sent = 0;
    let faults = 0;
    const faultsDone = (async () => {
      await eventually(async () => acknowledged.size >= KILL_AT, 60_000);
      await kafka.stop('SIGKILL');
      faults += 1;
      await eventually(async () => acknowledged.size >= RESTART_AT, 60_000);
      kafka = await startKafka(options);
      faults += 1;
    })();
    const writer = async () => {
      while (sent < WRITES) {
        sent += 1;
        const code = uniqueCode(`BK${run.toUpperCase()}`);
        const result = await callSubgraph<{ createProperty: { property: { id: string } } }>(
          residents.baseUrl,
          CREATE_PROPERTY,
          { input: { code, name: 'Broker Kill Court', address: 'x', timeZone: 'Asia/Shanghai' } },
        );
        if (result.errors || !result.data) {
          failed += 1;
          firstFailure ??= JSON.stringify(result.errors);
        } else acknowledged.set(code, result.data.createProperty.property.id);
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, writer), faultsDone]);
    expect(faults).toBe(2);
    // The broker is not on the write path: every write was acknowledged.
    expect({ failed, firstFailure }).toEqual({ failed: 0, firstFailure: undefined });
    expect(acknowledged.size).toBe(WRITES);

    // Every acknowledged write's event is on the topic (a republication repeats an event id).
    const ids = new Set(acknowledged.values());
    const tap = await EventTap.start(TOPICS.residents, brokers.split(','));
    const ours = () =>
      tap.events.filter((event) => event.type === 'property.created.v1' && ids.has(event.subject ?? ''));
    try {
      await eventually(async () => new Set(ours().map((event) => event.subject)).size === ids.size, 120_000);
    } finally {
      await tap.stop();
    }
    const published = ours();
    expect(tap.invalid).toEqual([]);

    // The consumer applied each once: one projection per property, written once, by one event.
    const projected = await eventually(async () => {
      const docs = await withDatabase(`work_orders_broker_kill_${run}`, (db) =>
        db
          .collection<Projected>('properties')
          .find({ _id: { $in: [...ids] } })
          .toArray(),
      );
      return docs.length === ids.size ? docs : undefined;
    }, 120_000);
    expect(projected.filter((doc) => doc.version !== 1 || doc.causedBy?.length !== 1)).toEqual([]);
    // Figures for the report: republished events are at-least-once delivery, applied once above.
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    writeFileSync(
      `${TEST_LOG_DIR}/broker-kill-figures.json`,
      `${JSON.stringify(
        {
          faultsInjected: faults,
          writesSent: sent,
          writesAcknowledged: acknowledged.size,
          eventsLost: ids.size - new Set(published.map((event) => event.subject)).size,
          eventsRepublished: published.length - new Set(published.map((event) => event.id)).size,
          effectsApplied: projected.length,
          effectsDuplicated: projected.filter((doc) => doc.version !== 1).length,
        },
        null,
        2,
      )}\n`,
    );
  });
});
