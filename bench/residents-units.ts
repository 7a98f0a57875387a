// `npm run bench:residents-units`: the residents subgraph called directly (no gateway) with the
// units page of `npm run bench:gateway` (20–70 units with households and residents, a different
// page size each request; the same query text, from bench/gateway/queries.ts). Starts its own
// MongoDB-wire server (memory backend, as bench:gateway; BENCH_MONGO_BACKEND=h2 for the on-disk
// one; MONGO_URL for a server you run), slot-aware (COURTYARD_TEST_SLOT), and the residents
// subgraph without a broker (reads need none; its outbox waits), seeds 500 units with one
// household and resident each through the subgraph's own mutations, then loads the query with
// autocannon (20 connections, warm-up, BENCH_ROUNDS (2) rounds of BENCH_SECONDS (8)).
//
// BENCH_BASELINE=<git ref> also runs services/residents/src as it was at that ref (extracted with
// `git archive`, same kernel and node_modules), on the same database, and alternates the two each
// round (A B, then B A, ...), so "before" and "after" share the machine's conditions.
// Checks first that every target answers a spread of page sizes identically. Reports req/s, p50
// and p99 per round, the CPU ms per request of the subgraph and of the MongoDB-wire server (from
// /proc: what a shared machine inflates least), and the MongoDB commands one request costs (from
// the subgraph's `courtyard_mongo_commands_total`); writes bench/results/residents-units-<time>.json.
// BENCH_SUBGRAPH_NODE_OPTIONS: NODE_OPTIONS for the subgraphs only (e.g. an `--import` that
// starts a CPU profile).
//
//   COURTYARD_TEST_SLOT=2 npm run bench:residents-units
//   COURTYARD_TEST_SLOT=2 BENCH_BASELINE=main npm run bench:residents-units
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findFreePort } from '@courtyard/infra';
import { startNodeService, type NodeService } from '../scripts/lib/processes.js';
import { ROOT } from '../scripts/lib/subgraphs.js';
import { preSignedCaller } from './gateway/peers/caller.js';
import { checkAnswer, load, type LoadResult, type Target } from './gateway/load.js';
import { queryMix } from './gateway/queries.js';
import { BENCH_UNITS, seedOccupiedUnit } from './gateway/seed.js';
import { benchMongo, serverCpuNs } from './local-mongo.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const baselineRef = process.env.BENCH_BASELINE?.trim();
const backend = process.env.BENCH_MONGO_BACKEND === 'h2' ? 'h2' : 'memory';
const BUILDINGS = 5;
const CONCURRENCY = 8;
/** CPU time (user + system) of one process so far, in ms: what a shared machine does not inflate. */
const processCpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const log = (line: string) => process.stderr.write(`[bench:residents-units] ${line}\n`);

const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
const dir = `${ROOT}.infra/bench-residents-units${slot === 0 ? '' : `-${slot}`}`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(`${dir}/logs`, { recursive: true });

const cleanups: Array<() => Promise<void>> = [];
try {
  const mongo = await benchMongo(`residents-units-mongo`, backend);
  if (mongo.server) cleanups.push(() => mongo.server!.stop());
  const secret = randomBytes(32).toString('hex');
  const [callerName, callerValue] = await preSignedCaller(secret);
  const database = `bench_residents_${Date.now()}`;

  // The code as it was at BENCH_BASELINE, inside this checkout so it resolves the same packages.
  const entries: Array<{ name: string; entry: string }> = [
    { name: 'current', entry: `${ROOT}services/residents/src/index.ts` },
  ];
  if (baselineRef) {
    const baseline = `${dir}/baseline`;
    mkdirSync(baseline, { recursive: true });
    // Its src only: a second package.json named @courtyard/residents would confuse jest's module map.
    const archive = execFileSync('git', ['archive', baselineRef, 'services/residents/src'], { cwd: ROOT });
    execFileSync('tar', ['-x', '-C', baseline], { input: archive });
    cleanups.push(async () => rmSync(baseline, { recursive: true, force: true }));
    entries.push({ name: `baseline (${baselineRef})`, entry: `${baseline}/services/residents/src/index.ts` });
  }
  const services: Array<{ name: string; service: NodeService }> = [];
  for (const { name, entry } of entries) {
    const port = await findFreePort();
    const service = await startNodeService({
      name: `residents ${name}`,
      entry,
      port,
      logFile: `${dir}/logs/residents-${services.length}.log`,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        MONGO_URL: mongo.url,
        MONGO_DATABASE: database,
        // No broker: nothing listens there. Reads need none; the relay retries in the background.
        KAFKA_BROKERS: `127.0.0.1:${await findFreePort()}`,
        INTERNAL_AUTH_SECRET: secret,
        NODE_OPTIONS: process.env.BENCH_SUBGRAPH_NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? '',
      },
    });
    cleanups.push(() => service.stop());
    services.push({ name, service });
  }

  const first = services[0]!.service;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [callerName]: callerValue },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`seed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  log(`seeding ${BENCH_UNITS} units, residents and households (${backend} backend)`);
  const { createProperty } = await call<{ createProperty: { property: { id: string } } }>(
    `mutation ($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } } }`,
    { i: { code: 'BENCH-UNITS', name: 'Bench Court', address: '1 Bench Road', timeZone: 'Asia/Shanghai' } },
  );
  const propertyId = createProperty.property.id;
  const buildings: string[] = [];
  for (let b = 0; b < BUILDINGS; b += 1)
    buildings.push(
      (
        await call<{ createBuilding: { building: { id: string } } }>(
          `mutation ($i: CreateBuildingInput!) { createBuilding(input: $i) { building { id } } }`,
          { i: { propertyId, name: `Bench Block ${b + 1}`, floors: 30 } },
        )
      ).createBuilding.building.id,
    );
  const perBuilding = BENCH_UNITS / BUILDINGS;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BENCH_UNITS) {
        const n = next++;
        await seedOccupiedUnit(call, {
          propertyId,
          buildingId: buildings[Math.floor(n / perBuilding)]!,
          n,
          floor: 1 + Math.floor((n % perBuilding) / 4),
        });
      }
    }),
  );

  const query = queryMix({ propertyId, unitIds: [], billedUnitIds: [] }).find((q) => q.name === 'unitsPage')!;
  const targets: Target[] = services.map(({ name, service }) => ({
    name,
    url: service.url,
    headers: { [callerName]: callerValue },
  }));
  const commands = async (target: Target): Promise<number> => {
    const text = await (await fetch(target.url.replace(/\/graphql$/, '/metrics'))).text();
    let total = 0;
    for (const match of text.matchAll(/^courtyard_mongo_commands_total\{([^}]*)\} (\d+)$/gm))
      if (match[1]!.includes('client="api"')) total += Number(match[2]);
    return total;
  };
  const commandsPerRequest: Record<string, number> = {};
  for (const target of targets) {
    await checkAnswer(target, query);
    const before = await commands(target);
    await checkAnswer(target, query);
    commandsPerRequest[target.name] = (await commands(target)) - before;
    await load(target, query, 2);
  }
  log(`MongoDB commands per request: ${JSON.stringify(commandsPerRequest)}`);
  // Faster must not mean different: every target answers a spread of page sizes identically.
  for (let n = 0; n < 51; n += 10) {
    const answers = await Promise.all(
      targets.map(async (target) => {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...target.headers },
          body: JSON.stringify({ query: query.query, variables: query.variables(n) }),
        });
        return response.text();
      }),
    );
    if (answers.some((answer) => answer !== answers[0]))
      throw new Error(`the targets answer request ${n} differently:\n${answers.join('\n')}`);
  }

  type Round = LoadResult & { subgraphCpuMsPerRequest: number; mongoCpuMsPerRequest: number };
  const results: Record<string, Round[]> = {};
  for (let round = 1; round <= rounds; round += 1) {
    for (const target of round % 2 === 1 ? targets : [...targets].reverse()) {
      const pid = services.find(({ name }) => name === target.name)!.service.child.pid!;
      const [subgraphBefore, mongoBefore] = [processCpuMs(pid), serverCpuNs(mongo.server)];
      const loaded = await load(target, query, seconds);
      const requests = loaded.requestsPerSecond * seconds;
      const result: Round = {
        ...loaded,
        subgraphCpuMsPerRequest: Number(((processCpuMs(pid) - subgraphBefore) / requests).toFixed(2)),
        mongoCpuMsPerRequest: Number(((serverCpuNs(mongo.server) - mongoBefore) / 1e6 / requests).toFixed(2)),
      };
      (results[target.name] ??= []).push(result);
      log(
        `round ${round} ${target.name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `CPU per request ${result.subgraphCpuMsPerRequest} ms subgraph, ${result.mongoCpuMsPerRequest} ms MongoDB` +
          (result.non2xx || result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''),
      );
    }
  }
  const report = {
    at: new Date().toISOString(),
    seconds,
    connections: 20,
    backend,
    commandsPerRequest,
    results,
  };
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  const file = `${ROOT}bench/results/residents-units-${report.at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  log(`wrote ${file}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(String(error)));
}
