import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signCallerToken, TOPICS } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { EventTap } from '../support/events.js';
import { tokenFor } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_PROPERTY } from '../support/residents.js';
import { testPort } from '../support/test-env.js';
import {
  classify,
  singleConnectionClient,
  tally,
  writeThroughShutdown,
  type WriteRecord,
} from '../support/writers.js';

// Started the way production starts them: NODE_ENV=production (Apollo's own signal handler is
// armed there, not under `test`), with the suite's secrets.
const PRODUCTION = { NODE_ENV: 'production', LOG_LEVEL: 'info' };
const WRITERS = 16;
const run = randomUUID().slice(0, 6).toUpperCase();

const createProperty = (code: string) =>
  JSON.stringify({
    query: CREATE_PROPERTY,
    variables: {
      input: { code, name: 'Shutdown Court', address: '1 Drain Road', timeZone: 'Asia/Shanghai' },
    },
  });
const writtenCode = (body: unknown) =>
  (body as { data?: { createProperty?: { property?: { code?: string } } } }).data?.createProperty?.property
    ?.code;

/**
 * No answer is an error, and nothing in flight when the signal came is cut: it is answered, or
 * (not yet read by the server) refused with 503 SERVICE_STOPPING. A request sent on a kept-alive
 * connection after the signal may meet the connection closing (HTTP/1.1's race): the client
 * cannot tell, so it must not have been written, which `expectConsistent` checks.
 */
function expectNoneCut(records: WriteRecord[]) {
  expect(records.filter((r) => r.outcome === 'error')).toEqual([]);
  expect(records.filter((r) => r.inFlightAtSignal && r.outcome === 'cut')).toEqual([]);
}

/** What the database and the topic hold for the codes the writers sent. */
async function committed(database: string, records: WriteRecord[]) {
  const docs = await withDatabase(database, (db) =>
    db
      .collection<{ _id: string; code: string; outbox?: unknown[] }>('properties')
      .find({ code: { $in: records.map((r) => r.key) } })
      .toArray(),
  );
  return {
    codes: new Set(docs.map((doc) => doc.code)),
    pendingOutbox: docs.reduce((sum, doc) => sum + (doc.outbox?.length ?? 0), 0),
  };
}

/** Every acknowledged write committed, every refused one not, the outbox empty, each event once. */
async function expectConsistent(database: string, records: WriteRecord[], tap: EventTap) {
  const { codes, pendingOutbox } = await committed(database, records);
  const ok = records.filter((r) => r.outcome === 'ok').map((r) => r.key);
  const notOk = records.filter((r) => r.outcome !== 'ok').map((r) => r.key);
  expect(ok.filter((code) => !codes.has(code))).toEqual([]); // acknowledged but lost
  expect(notOk.filter((code) => codes.has(code))).toEqual([]); // reported failed but committed
  expect(pendingOutbox).toBe(0); // flushed before exit

  const ours = (event: { type: string; data: unknown }) =>
    event.type === 'property.created.v1' && codes.has((event.data as { code: string }).code);
  const events = await tap.waitFor(ours, codes.size, 60_000);
  const perCode = new Map<string, Set<string>>();
  for (const event of events) {
    const code = (event.data as { code: string }).code;
    perCode.set(code, (perCode.get(code) ?? new Set()).add(event.id));
  }
  expect([...perCode.values()].every((ids) => ids.size === 1)).toBe(true); // one event per write
  expect(perCode.size).toBe(codes.size);
  return { committed: codes.size, events: events.length, duplicates: events.length - codes.size };
}

describe('graceful shutdown: SIGTERM under load drains, flushes and exits 0', () => {
  const started: NodeService[] = [];
  let tap: EventTap | undefined;
  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop('SIGKILL')));
    await tap?.stop();
  });

  it('a subgraph under 16 concurrent writers: no acknowledged write lost, none reported failed but committed', async () => {
    tap ??= await EventTap.start(TOPICS.residents);
    const database = `residents_shutdown_${randomUUID().slice(0, 8)}`;
    const residents = await startExtraSubgraph('residents', 'shutdown', testPort(40), {
      ...PRODUCTION,
      MONGO_DATABASE: database,
    });
    started.push(residents);
    const caller = await signCallerToken(
      { subject: 'shutdown-test', role: 'SYSTEM', propertyIds: ['*'] },
      process.env.INTERNAL_AUTH_SECRET!,
    );
    const clients = Array.from({ length: WRITERS }, () =>
      singleConnectionClient(residents.url, { 'x-courtyard-caller': caller }),
    );

    const { records, exit } = await writeThroughShutdown({
      child: residents.child,
      writers: WRITERS,
      maxPerWriter: 100,
      okBefore: 40,
      keyOf: (w, n) => `SD-${run}-${w}-${n}`,
      send: (w, code) => classify(clients[w]!.post(createProperty(code)), writtenCode, code),
    });

    clients.forEach((client) => client.close());
    const figures = tally(records);
    expect(exit).toEqual({ code: 0, signal: null });
    expectNoneCut(records);
    expect(figures.inFlightAnswered).toBeGreaterThan(0); // the drain served what was in flight
    const outcome = await expectConsistent(database, records, tap);
    console.warn(`subgraph SIGTERM: ${JSON.stringify({ ...figures, ...outcome, exit })}`);
  });

  it('the gateway under 16 concurrent writers: drains its own requests and exits 0', async () => {
    tap ??= await EventTap.start(TOPICS.residents);
    const database = `residents_shutdown_gw_${randomUUID().slice(0, 8)}`;
    const residents = await startExtraSubgraph('residents', 'shutdown-gw', testPort(41), {
      ...PRODUCTION,
      MONGO_DATABASE: database,
    });
    started.push(residents);
    const gateway = await startExtraGateway('shutdown', testPort(42), {
      ...PRODUCTION,
      SUBGRAPH_URL_RESIDENTS: residents.url,
    });
    started.push(gateway);
    const token = await tokenFor('GENERAL_MANAGER');
    const clients = Array.from({ length: WRITERS }, () =>
      singleConnectionClient(gateway.url, { authorization: `Bearer ${token}` }),
    );

    const { records, exit } = await writeThroughShutdown({
      child: gateway.child,
      writers: WRITERS,
      maxPerWriter: 100,
      okBefore: 40,
      keyOf: (w, n) => `SG-${run}-${w}-${n}`,
      send: (w, code) => classify(clients[w]!.post(createProperty(code)), writtenCode, code),
    });

    clients.forEach((client) => client.close());
    const figures = tally(records);
    expect(exit).toEqual({ code: 0, signal: null });
    expectNoneCut(records);
    expect(figures.inFlightAnswered).toBeGreaterThan(0);
    // The subgraph behind it then stops the same way, its outbox flushed.
    const residentsExit = new Promise((resolve) =>
      residents.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    residents.child.kill('SIGTERM');
    expect(await residentsExit).toEqual({ code: 0, signal: null });
    const outcome = await expectConsistent(database, records, tap);
    console.warn(`gateway SIGTERM: ${JSON.stringify({ ...figures, ...outcome, exit })}`);
  });
});
