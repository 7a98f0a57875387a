// `npm run bench:gateway` (issue 23): Courtyard's gateway beside a default @apollo/gateway,
// @graphql-hive/gateway-runtime and @graphql-hive/router-runtime, on the same supergraph and the
// same running subgraphs. Starts its own infrastructure (COURTYARD_TEST_SLOT-aware), the five
// subgraphs and Courtyard's gateway, seeds 500+ units and 1,000+ help requests, starts the peers,
// then loads every query of the mix with autocannon (20 connections, warm-up, two alternating
// rounds) and times a one-subgraph query at one connection. Courtyard runs twice, side by side:
// response cache off (the default) and on (a second gateway, GATEWAY_RESPONSE_CACHE=on). Writes
// bench/results/gateway-<time>.json and .md. BENCH_SECONDS (8) and BENCH_RUNS (500) tune it.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { issueAccessToken } from '../../gateway/src/token.js';
import { listSubgraphs, ROOT } from '../../scripts/lib/subgraphs.js';
import { preSignedCaller } from './peers/caller.js';
import { checkAnswer, load, sequentialP50, type LoadResult, type Target } from './load.js';
import { startExtraGateway, startGatewayBenchPlatform } from './platform.js';
import { BENCH_DIR, GATEWAY_PORTS, SUBGRAPH_OFFSET } from './ports.js';
import { queryMix } from './queries.js';
import { markdown, type Report } from './report.js';
import { BENCH_HELP_REQUESTS, BENCH_UNITS, seedBench } from './seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const runs = Number(process.env.BENCH_RUNS ?? 500);
const log = (line: string) => process.stderr.write(`[bench:gateway] ${line}\n`);
const withDeadline = <T>(what: string, ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms).unref(),
    ),
  ]);

/** Waits until the gateway's response cache serves (it has joined its group and fetched). */
async function untilServing(baseUrl: string): Promise<void> {
  for (;;) {
    const text = await fetch(`${baseUrl}/metrics`).then(
      (response) => response.text(),
      () => '',
    );
    if (/^courtyard_gateway_response_cache_serving(\{[^}]*\})? 1$/m.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const bench = await startGatewayBenchPlatform(log);
const { platform, secrets, cleanups, cleanUp } = bench;

try {
  log(`platform up; seeding ${BENCH_UNITS} units and ${BENCH_HELP_REQUESTS} help requests`);
  const data = await withDeadline('seeding', 10 * 60_000, seedBench(platform.gatewayUrl, secrets.JWT_SECRET));
  const queries = queryMix(data);

  // The same supergraph for every gateway, routed to the running subgraphs (Courtyard's gateway
  // gets the same URLs through SUBGRAPH_URL_<NAME>).
  const subgraphs = listSubgraphs();
  let supergraph = readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8');
  for (const { port } of subgraphs)
    supergraph = supergraph.replaceAll(
      `http://127.0.0.1:${port}/graphql`,
      `http://127.0.0.1:${port + SUBGRAPH_OFFSET}/graphql`,
    );
  const supergraphPath = `${BENCH_DIR}/supergraph.graphql`;
  writeFileSync(supergraphPath, supergraph);

  const startPeer = async (name: string, port: number, extra: NodeJS.ProcessEnv = {}) => {
    const entry = `${ROOT}bench/gateway/peers/${name === 'apollo' ? 'apollo' : 'hive'}.ts`;
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, PEER_PORT: String(port), SUPERGRAPH_PATH: supergraphPath, ...secrets, ...extra },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    cleanups.push(async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Peers hold no state; the Hive runtimes do not exit on SIGTERM.
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
      const ready = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return url;
      if (Date.now() > deadline) throw new Error(`${name} not ready in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  // The same gateway code and subgraphs, its response cache on; measured once it hears the events.
  const cachedGateway = await startExtraGateway(bench, {
    name: 'gateway-cached',
    port: GATEWAY_PORTS.courtyardCached,
    env: { GATEWAY_RESPONSE_CACHE: 'on' },
  });
  await withDeadline('the cached gateway hearing the events', 120_000, untilServing(cachedGateway.baseUrl));
  const [callerName, callerValue] = await preSignedCaller(secrets.INTERNAL_AUTH_SECRET);
  const manager = await issueAccessToken(
    { sub: 'bench', role: 'GENERAL_MANAGER', properties: ['*'] },
    { secret: secrets.JWT_SECRET },
  );
  const gateways: Target[] = [
    { name: 'courtyard', url: platform.gatewayUrl, headers: { authorization: `Bearer ${manager}` } },
    { name: 'courtyardCached', url: cachedGateway.url, headers: { authorization: `Bearer ${manager}` } },
    { name: 'apollo', url: await startPeer('apollo', GATEWAY_PORTS.apollo), headers: {} },
    { name: 'hive', url: await startPeer('hive', GATEWAY_PORTS.hive), headers: {} },
    {
      name: 'hiveRouter',
      url: await startPeer('hiveRouter', GATEWAY_PORTS.hiveRouter, { HIVE_ROUTER: '1' }),
      headers: {},
    },
  ];
  const directOf = (subgraph: string): Target => ({
    name: 'direct',
    url: `${platform.subgraphs.get(subgraph)!.url}`,
    headers: { [callerName]: callerValue },
  });
  const targetsOf = (query: (typeof queries)[number]) => [
    ...gateways,
    // The subgraph directly for the two one-subgraph queries the issue compares with it.
    ...(query.direct && ['unitsPage', 'frontDeskBoard'].includes(query.name) ? [directOf(query.direct)] : []),
  ];

  for (const query of queries) for (const target of targetsOf(query)) await checkAnswer(target, query);
  log('every target answers every query; warming up');
  for (const query of queries) for (const target of targetsOf(query)) await load(target, query, 2);

  const results: Report['results'] = {};
  for (const round of [1, 2]) {
    for (const query of queries) {
      const targets = targetsOf(query);
      // Alternate the order so no gateway always runs first (or last) on a shared machine.
      for (const target of round === 1 ? targets : [...targets].reverse()) {
        const result: LoadResult = await load(target, query, seconds);
        ((results[query.name] ??= {})[target.name] ??= []).push(result);
        log(
          `round ${round} ${query.name} ${target.name}: ${result.requestsPerSecond} req/s, p99 ${result.p99} ms`,
        );
      }
    }
  }
  // A query the subgraph answers in a millisecond or two (four facilities), so the hop shows.
  const oneSubgraph = queries.find((query) => query.name === 'facilities')!;
  const p50 = await sequentialP50([directOf('facilities'), ...gateways], oneSubgraph, runs);

  const report: Report = {
    at: new Date().toISOString(),
    seconds,
    connections: 20,
    data: { units: BENCH_UNITS, helpRequests: BENCH_HELP_REQUESTS },
    results,
    oneConnection: { query: oneSubgraph.name, p50 },
  };
  const table = markdown(report, queries);
  const file = `${ROOT}bench/results/gateway-${report.at.replace(/[:.]/g, '-')}`;
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${file}.md`, table);
  console.log(table);
  log(`wrote ${file}.json and .md`);
} finally {
  await cleanUp();
}
