import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { loadInfraOptions, startKafka, type ManagedServer } from '@courtyard/infra';
import { CLOUDEVENTS_CONTENT_TYPE, TOPICS, type Caller } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraSubgraph } from '../support/extra-service.js';
import { EventTap } from '../support/events.js';
import { exampleEvent } from '../support/handler-harness.js';
import { withDatabase } from '../support/mongo.js';
import { callSubgraph, eventually } from '../support/subgraph.js';
import { TEST_DIR, testKafkaPorts, testPort } from '../support/test-env.js';
import { REGISTER_STAFF } from '../support/work-orders.js';

/** A broker of its own that is not running when the subgraph starts. */
const infraDir = `${TEST_DIR}-late-broker`;
const options = loadInfraOptions({ ...process.env, COURTYARD_INFRA_DIR: infraDir, ...testKafkaPorts() });
const brokers = [`127.0.0.1:${options.kafkaPort}`];
const run = randomUUID().slice(0, 8);
const database = `work_orders_late_broker_${run}`;
const manager: Caller = { subject: 'gm-late-broker', role: 'GENERAL_MANAGER', propertyIds: ['*'] };

interface Readiness {
  status: string;
  checks: Record<string, string>;
}
const readiness = async (service: NodeService): Promise<{ http: number; body: Readiness }> => {
  const response = await fetch(`${service.baseUrl}/readyz`);
  return { http: response.status, body: (await response.json()) as Readiness };
};

describe('a subgraph starts while Kafka is down, serves, and publishes and consumes once the broker comes', () => {
  let kafka: ManagedServer | undefined;
  let service: NodeService;

  beforeAll(async () => {
    rmSync(infraDir, { recursive: true, force: true });
    // Starts with nothing listening on its broker port: ready as soon as MongoDB answers.
    service = await startExtraSubgraph(
      'work-orders',
      'late-broker',
      testPort(40),
      {
        MONGO_DATABASE: database,
        KAFKA_BROKERS: brokers.join(','),
        CONSUMER_GROUP_PREFIX: `late-broker-${run}`,
      },
      { waitForBroker: false },
    );
  });
  afterAll(async () => {
    await service?.stop();
    await kafka?.stop();
    rmSync(infraDir, { recursive: true, force: true });
  });

  it('is ready for reads and writes without the broker, says publishing is down, then relays and consumes', async () => {
    expect(await readiness(service)).toEqual({
      http: 200,
      body: expect.objectContaining({
        status: 'ready',
        checks: { database: 'up', publishing: 'down' },
      }) as unknown,
    });

    // What work-orders learned of the property before the outage (its projection, written as the
    // property.created.v1 consumer writes it): registering staff needs a property it knows.
    await withDatabase(database, (db) =>
      db.collection<Record<string, unknown> & { _id: string }>('properties').insertOne({
        _id: 'p-late-broker',
        version: 1,
        createdAt: new Date(),
        outbox: [],
        causedBy: [randomUUID()],
        code: `LATE-P-${run}`,
        name: 'Late Broker Gardens',
        timeZone: 'Asia/Shanghai',
      }),
    );

    // A write: its state and its event land in MongoDB (the outbox); a read sees it.
    const registered = await callSubgraph<{ registerStaff: { staff: { id: string } } }>(
      service.baseUrl,
      REGISTER_STAFF,
      {
        input: {
          name: 'Late Broker',
          propertyIds: ['p-late-broker'],
          roles: ['FRONT_DESK'],
          skills: ['CUSTOMER_SERVICE'],
          grade: 'INTERMEDIATE',
          timeZone: 'Asia/Shanghai',
          roster: [{ weekday: 1, start: '08:00', end: '17:00' }],
        },
      },
      manager,
    );
    expect(registered.errors).toBeUndefined();
    const staffId = registered.data!.registerStaff.staff.id;
    const read = await callSubgraph<{ staff: { id: string; name: string } }>(
      service.baseUrl,
      'query ($id: ID!) { staff(id: $id) { id name } }',
      { id: staffId },
      manager,
    );
    expect(read.data?.staff).toEqual({ id: staffId, name: 'Late Broker' });
    const pending = await withDatabase(database, (db) =>
      db.collection<{ _id: string }>('staff').countDocuments({ _id: staffId, 'outbox.0': { $exists: true } }),
    );
    expect(pending).toBe(1);

    // The broker comes: the event waiting in the outbox is relayed, /readyz says so.
    kafka = await startKafka(options);
    // Publishing is up once the subgraph has created its topics; a tap subscribing before that
    // meets a topic the new broker does not host yet.
    await eventually(async () => (await readiness(service)).body.checks.publishing === 'up', 60_000);
    const tap = await EventTap.start(TOPICS.workOrders, brokers);
    try {
      await tap.waitFor(
        (event) => event.type === 'staff.registered.v1' && event.subject === staffId,
        1,
        90_000,
      );
    } finally {
      await tap.stop();
    }

    // Its consumers joined their groups when the broker came: a property created now is projected.
    const propertyId = randomUUID();
    const example = exampleEvent('property.created.v1');
    const event = {
      ...example,
      id: randomUUID(),
      subject: propertyId,
      ...('propertyid' in example ? { propertyid: propertyId } : {}),
      data: { ...example.data, propertyId, code: `LATE-${run}` },
    };
    const producer = new Kafka({
      clientId: 'late-broker-test',
      brokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: TOPICS.residents,
        messages: [
          {
            key: propertyId,
            value: JSON.stringify(event),
            headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    await eventually(
      () =>
        withDatabase(database, (db) =>
          db.collection<{ _id: string }>('properties').findOne({ _id: propertyId }),
        ),
      90_000,
    );
  });
});
