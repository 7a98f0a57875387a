// `npm run bench:gateway-overhead` (issue 23): what Courtyard's gateway costs per request with
// its response cache off, measured in a way a shared machine does not blur: CPU milliseconds per
// request of the gateway process (from /proc/<pid>/stat, over a fixed number of requests) and,
// at one connection, the p50 the gateway adds over the subgraph called directly, in alternating
// rounds. Starts its own infrastructure (COURTYARD_TEST_SLOT-aware), the subgraphs and the demo
// data (facilities query), then a gateway under measure. OVERHEAD_ROUNDS (8), OVERHEAD_RUNS (300
// sequential requests a round), OVERHEAD_LOAD_REQUESTS (1500 at 20 connections a round) tune it;
// OVERHEAD_CPU_PROF=<dir> runs the gateway under `node --cpu-prof` writing its profile there;
// OVERHEAD_BASELINE=<git ref> also measures that ref's gateway and kernel in the same rounds.
import { mkdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { issueAccessToken } from '../../gateway/src/token.js';
import { seedDemo, DEMO_PROPERTY_CODE } from '../../scripts/lib/seed-demo.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { baselineCopy, removeBaselineCopy } from './baseline-copy.js';
import { preSignedCaller } from './peers/caller.js';
import { startExtraGateway, startGatewayBenchPlatform } from './platform.js';
import { GATEWAY_PORTS } from './ports.js';

const rounds = Number(process.env.OVERHEAD_ROUNDS ?? 8);
const runs = Number(process.env.OVERHEAD_RUNS ?? 300);
const loadRequests = Number(process.env.OVERHEAD_LOAD_REQUESTS ?? 1500);
const cpuProfDir = process.env.OVERHEAD_CPU_PROF;
const log = (line: string) => process.stderr.write(`[bench:gateway-overhead] ${line}\n`);
const QUERY = `query Facilities($p: ID!, $n: Int!) { facilities(propertyId: $p, first: $n) { totalCount edges { node { id name type status criticality } } } }`;

/** User + system CPU time of a process so far, in ms (clock ticks are 100 a second on Linux). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

const bench = await startGatewayBenchPlatform(log);
const { platform, secrets, cleanups } = bench;

try {
  await seedDemo(platform.gatewayUrl, secrets.JWT_SECRET);
  // The gateway under measure (the platform's own seeded the data; this one sees only the load),
  // and with OVERHEAD_BASELINE=<git ref> a second one from that ref's code, measured
  // in the same rounds, so a change is compared with what it changes under the same load.
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const baselineRef = process.env.OVERHEAD_BASELINE;
  const baselineDir = baselineRef
    ? baselineCopy(baselineRef, Number(process.env.COURTYARD_TEST_SLOT ?? '0'))
    : undefined;
  if (baselineDir) cleanups.push(async () => removeBaselineCopy(baselineDir));
  const measuredGateway = (name: string, root: string, port: number) =>
    startExtraGateway(bench, {
      name,
      root,
      port,
      ...(cpuProfDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}/${name}`] } : {}),
    });
  const measured = [await measuredGateway('gateway-measured', ROOT, GATEWAY_PORTS.courtyardCached)];
  if (baselineDir) measured.push(await measuredGateway('gateway-baseline', baselineDir, GATEWAY_PORTS.hive));
  const token = await issueAccessToken(
    { sub: 'bench', role: 'GENERAL_MANAGER', properties: ['*'] },
    { secret: secrets.JWT_SECRET, expiresIn: '2h' },
  );
  const [callerName, callerValue] = await preSignedCaller(secrets.INTERNAL_AUTH_SECRET);
  type Target = { url: string; headers: Record<string, string> };
  const direct: Target = {
    url: platform.subgraphs.get('facilities')!.url,
    headers: { [callerName]: callerValue },
  };
  const gateways = measured.map((service) => ({
    name: service.name,
    pid: service.child.pid!,
    url: service.url,
    headers: { authorization: `Bearer ${token}` },
  }));
  const probe = await fetch(gateways[0]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...gateways[0]!.headers },
    body: JSON.stringify({ query: `{ propertyByCode(code: "${DEMO_PROPERTY_CODE}") { id } }` }),
  });
  const propertyId = ((await probe.json()) as { data: { propertyByCode: { id: string } } }).data
    .propertyByCode.id;
  const bodyOf = (n: number) =>
    JSON.stringify({ query: QUERY, variables: { p: propertyId, n: 1 + (n % 20) } });
  for (const gateway of gateways) {
    const check = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gateway.headers },
      body: bodyOf(3),
    });
    const checked = (await check.json()) as { errors?: unknown };
    if (!check.ok || checked.errors)
      throw new Error(`${gateway.name} refused the query: ${JSON.stringify(checked)}`);
  }

  const sequential = async (target: Target, count: number) => {
    const samples: number[] = [];
    for (let n = 0; n < count; n += 1) {
      const begin = performance.now();
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: bodyOf(n),
      });
      await response.arrayBuffer();
      samples.push(performance.now() - begin);
    }
    return samples;
  };
  const loaded = async (target: Target, count: number) => {
    let n = 0;
    const result = await autocannon({
      url: target.url,
      connections: 20,
      amount: count,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...target.headers },
      requests: [{ setupRequest: (request) => ({ ...request, body: bodyOf(n++) }) }],
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
    return result.requests.average;
  };

  log('warming up');
  for (const gateway of gateways) {
    // Long enough for the JIT to settle: CPU per request keeps falling for a few thousand.
    await sequential(gateway, 500);
    await loaded(gateway, 8000);
  }
  await sequential(direct, 100);
  type Round = { sequentialCpuMs: number; loadCpuMs: number; addedP50: number; reqPerSec: number };
  const perRound = new Map<string, Round[]>(gateways.map((gateway) => [gateway.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    // Alternate the order so neither gateway always runs first on a shared machine.
    for (const gateway of round % 2 === 1 ? gateways : [...gateways].reverse()) {
      const directP50 = median(await sequential(direct, runs));
      const before = cpuMsOf(gateway.pid);
      const through = median(await sequential(gateway, runs));
      const sequentialCpuMs = (cpuMsOf(gateway.pid) - before) / runs;
      const beforeLoad = cpuMsOf(gateway.pid);
      const reqPerSec = await loaded(gateway, loadRequests);
      const loadCpuMs = (cpuMsOf(gateway.pid) - beforeLoad) / loadRequests;
      perRound
        .get(gateway.name)!
        .push({ sequentialCpuMs, loadCpuMs, addedP50: through - directP50, reqPerSec });
      log(
        `round ${round} ${gateway.name}: CPU ms/request ${sequentialCpuMs.toFixed(3)} (1 connection) ${loadCpuMs.toFixed(3)} (20 connections, ${Math.round(reqPerSec)} req/s); direct p50 ${directP50.toFixed(2)} ms, gateway p50 ${through.toFixed(2)} ms, added ${(through - directP50).toFixed(2)} ms`,
      );
    }
  }
  // Paired by round (same load, back to back): how the first gateway's CPU compares with the baseline's.
  const [first, second] = [...perRound.values()];
  if (first && second)
    console.log(
      JSON.stringify({
        cpuRatioOneConnection: Number(
          median(first.map((r, i) => r.sequentialCpuMs / second[i]!.sequentialCpuMs)).toFixed(3),
        ),
        cpuRatioTwentyConnections: Number(
          median(first.map((r, i) => r.loadCpuMs / second[i]!.loadCpuMs)).toFixed(3),
        ),
      }),
    );
  for (const [name, results] of perRound)
    console.log(
      JSON.stringify({
        gateway: name,
        cpuMsPerRequestOneConnection: Number(median(results.map((r) => r.sequentialCpuMs)).toFixed(3)),
        cpuMsPerRequestTwentyConnections: Number(median(results.map((r) => r.loadCpuMs)).toFixed(3)),
        addedP50Ms: Number(median(results.map((r) => r.addedP50)).toFixed(2)),
        reqPerSecTwentyConnections: Math.round(median(results.map((r) => r.reqPerSec))),
        rounds,
        runs,
        loadRequests,
      }),
    );
} finally {
  await bench.cleanUp();
}
