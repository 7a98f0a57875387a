import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { loadInfraOptions, startMongo, type ManagedServer } from '@courtyard/infra';
import { TOPICS } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { EventTap } from '../support/events.js';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { gql, type GraphQLResponse } from '../support/graphql.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { TEST_DIR, TEST_LOG_DIR, testPort } from '../support/test-env.js';

/** A MongoDB-wire server of its own, on the durable H2 backend, to kill and start again. */
const infraDir = `${TEST_DIR}-mongo-outage`;
const options = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: infraDir,
  MONGO_PORT: String(testPort(50)),
  MONGO_BACKEND: 'h2',
});
const mongoUrl = `mongodb://127.0.0.1:${options.mongoPort}`;
const WRITES = 20;
const READ = /* GraphQL */ `
  query ($code: String!) {
    propertyByCode(code: $code) {
      id
      code
    }
  }
`;

const createProperty = (url: string, code: string) =>
  gql<{ createProperty: { property: { id: string; code: string } } }>(
    CREATE_PROPERTY,
    { input: { code, name: 'Outage Court', address: '9 Failover Road', timeZone: 'Asia/Shanghai' } },
    { url },
  );
const timed = async <T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await run();
  return { ms: Math.round(performance.now() - started), value };
};
const codesOf = (result: GraphQLResponse<unknown>) => (result.errors ?? []).map((error) => error.extensions);
/** The codes stored on the outage server itself: what survived, told apart from what a read sees. */
const storedCodes = async (codes: string[]): Promise<Set<string>> => {
  const client = await mongoose.mongo.MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
  try {
    const found = await client
      .db('residents')
      .collection<{ code: string }>('properties')
      .find({ code: { $in: codes } }, { projection: { code: 1 } })
      .toArray();
    return new Set(found.map((property) => property.code));
  } finally {
    await client.close();
  }
};

describe('MongoDB down: requests fail fast with a retryable code, /readyz answers at once, the service recovers', () => {
  let mongo: ManagedServer;
  let residents: NodeService;
  let gateway: NodeService;
  let gatewayUrl: string;
  let tap: EventTap;
  const run = randomUUID().slice(0, 6).toUpperCase();
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    rmSync(infraDir, { recursive: true, force: true });
    mongo = await startMongo(options);
    residents = await startExtraSubgraph('residents', 'mongo-outage', testPort(51), {
      MONGO_URL: mongoUrl,
      MONGO_DATABASE: 'residents',
    });
    gateway = await startExtraGateway('mongo-outage', testPort(52), {
      SUBGRAPH_URL_RESIDENTS: `${residents.baseUrl}/graphql`,
    });
    gatewayUrl = `${gateway.baseUrl}/graphql`;
    tap = await EventTap.start(TOPICS.residents);
  });
  afterAll(async () => {
    await tap?.stop();
    await gateway?.stop();
    await residents?.stop();
    await mongo?.stop();
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    writeFileSync(`${TEST_LOG_DIR}/database-outage-figures.json`, `${JSON.stringify(figures, null, 2)}\n`);
    rmSync(infraDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across a kill -9 of the database and serves again without a restart', async () => {
    const acknowledged: string[] = [];
    for (let n = 0; n < WRITES; n += 1) {
      const code = uniqueCode(`DB${run}`);
      const result = await createProperty(gatewayUrl, code);
      expect(result.errors).toBeUndefined();
      acknowledged.push(code);
    }

    await mongo.stop('SIGKILL');

    // Down: a write and a read each fail with the retryable code, not the gateway's timeout.
    const refused = uniqueCode(`DB${run}`);
    const write = await timed(() => createProperty(gatewayUrl, refused));
    expect(codesOf(write.value)).toEqual([
      expect.objectContaining({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
        retryable: true,
      }),
    ]);
    const read = await timed(() => gql(READ, { code: acknowledged[0] }, { url: gatewayUrl }));
    expect(codesOf(read.value)).toEqual([
      expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' }),
    ]);
    // /readyz answers (bounded by its own timeout) and says what is down.
    const ready = await timed(() => fetch(`${residents.baseUrl}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toMatchObject({ checks: { database: 'down' } });
    Object.assign(figures, {
      writeWhileDownMs: write.ms,
      readWhileDownMs: read.ms,
      readyzWhileDownMs: ready.ms,
    });

    mongo = await startMongo(options);
    // First what the database itself kept (no service in between): a missing write here is the
    // store's durability, not a read that met a server still coming back.
    const kept = await storedCodes(acknowledged);
    expect(acknowledged.filter((code) => !kept.has(code))).toEqual([]);

    // The same process serves again once the database answers: nothing to restart.
    await eventually(async () => (await fetch(`${residents.baseUrl}/readyz`)).status === 200, 60_000);
    const readByCode = (code: string) =>
      gql<{ propertyByCode: { code: string } | null }>(READ, { code }, { url: gatewayUrl });
    // A try may be applied and still answered with an error while the connections come back:
    // the next try then meets its code, so "created" is the write answered or the code found.
    const after = uniqueCode(`DB${run}`);
    await eventually(
      async () =>
        !(await createProperty(gatewayUrl, after)).errors ||
        (await readByCode(after)).data?.propertyByCode?.code === after,
      30_000,
    );
    // The write refused while the database was down was not applied later behind the client's back.
    expect((await storedCodes([refused])).size).toBe(0);
    // Read through the gateway: an answer with errors is retried (bounded), an answer of null is a
    // missing write and fails at once.
    for (const code of acknowledged) {
      const found = await eventually(async () => {
        const answer = await readByCode(code);
        return answer.errors ? undefined : answer;
      }, 30_000);
      expect(found.data?.propertyByCode?.code).toBe(code);
    }

    // Every acknowledged write's event is published; a republication has the same event id.
    // Waited for by distinct write, not by count: a republished event would otherwise count
    // towards the total before the last write's own event arrived.
    const written = new Set([...acknowledged, after]);
    const codeOf = (event: { data: unknown }) => (event.data as { code: string }).code;
    const isOurs = (event: { type: string; data: unknown }) =>
      event.type === 'property.created.v1' && written.has(codeOf(event));
    const published = () => new Set(tap.events.filter(isOurs).map(codeOf));
    await eventually(async () => published().size === written.size, 90_000).catch(() => undefined);
    const events = tap.events.filter(isOurs);
    const ids = new Set(events.map((event) => event.id));
    Object.assign(figures, {
      faultsInjected: 1,
      acknowledgedWrites: acknowledged.length,
      writesKept: kept.size,
      requestsWhileDown: 2,
      eventsLost: written.size - published().size,
      eventsRepublished: events.length - ids.size,
    });
    expect([...written].filter((code) => !published().has(code))).toEqual([]);
  });
});
