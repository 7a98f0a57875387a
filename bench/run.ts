// `npm run bench`: cold and warm `npm start` to a ready gateway, resident memory of every local
// server at idle (and its peak), and p50/p95 latency of a mutation and a query through the
// gateway. Runs its own instance on separate ports; writes bench/results/<timestamp>.json.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { infraStatus, loadInfraOptions } from '@courtyard/infra';
import { DEV_JWT_SECRET } from '../gateway/src/config.js';
import { issueAccessToken } from '../gateway/src/token.js';
import { ROOT } from '../scripts/lib/subgraphs.js';

const env = {
  ...process.env,
  COURTYARD_INFRA_DIR: `${ROOT}.infra/bench`,
  COURTYARD_CACHE_DIR: mkdtempSync(`${tmpdir()}/courtyard-bench-cache-`),
  KAFKA_PORT: '29092',
  KAFKA_CONTROLLER_PORT: '29093',
  MONGO_PORT: '28017',
  GATEWAY_PORT: '24000',
  SUBGRAPH_PORT_OFFSET: '20000',
};
const gatewayUrl = 'http://127.0.0.1:24000/graphql';

async function startPlatform(): Promise<{ seconds: number; stop: () => Promise<void> }> {
  const started = performance.now();
  // Its own process group, signalled as a whole, as a terminal's Ctrl-C would.
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Courtyard is up')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGINT');
      await exited;
    },
  };
}

const kib = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
};
const pidsOf = (pattern: string) =>
  execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').map(Number).filter(Boolean);

async function latency(label: string, runs: number, operation: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const begin = performance.now();
    await operation();
    samples.push(performance.now() - begin);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1));
  return { label, runs, p50: at(0.5), p95: at(0.95), max: at(1) };
}

rmSync(env.COURTYARD_INFRA_DIR, { recursive: true, force: true });
const cold = await startPlatform();
await cold.stop();
const warm = await startPlatform();

const token = await issueAccessToken(
  { sub: 'bench', role: 'GENERAL_MANAGER', properties: ['*'] },
  { secret: DEV_JWT_SECRET },
);
const call = async (query: string, variables: Record<string, unknown>) => {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { id?: string }>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
};
const property = await call(`query { propertyByCode(code: "DEMO-GARDEN") { id } }`, {});
const propertyId = property.propertyByCode!.id!;
let counter = 0;
const results = [
  await latency('registerResident (mutation, write + outbox)', 200, () =>
    call(`mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { resident { id } } }`, {
      i: {
        propertyId,
        name: `Bench ${counter}`,
        kind: 'TENANT',
        phone: `1370000${String(counter++).padStart(4, '0')}`,
      },
    }),
  ),
  ...(await workOrderLatencies()),
  await latency('units(first: 20) with households and residents (query)', 200, () =>
    call(
      `query ($p: ID!) { units(propertyId: $p, first: 20) { edges { node { number household { members { resident { name phone } } } } } } }`,
      { p: propertyId },
    ),
  ),
];

/** Intake and one transition of a help request through the gateway (issue 4's targets). */
async function workOrderLatencies() {
  const always = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
  await call(`mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { staff { id } } }`, {
    i: {
      name: 'Bench Desk',
      propertyIds: [propertyId],
      roles: ['FRONT_DESK'],
      skills: [],
      grade: 'JUNIOR',
      timeZone: 'Asia/Shanghai',
      roster: always,
    },
  });
  const ids: string[] = [];
  const intake = await latency('recordHelpRequest (intake: number + repeat check + write)', 200, async () => {
    const data = await call(
      `mutation ($i: RecordHelpRequestInput!) { recordHelpRequest(input: $i) { helpRequest { id } } }`,
      {
        i: {
          propertyId,
          type: 'REPAIR',
          category: 'WATER_LEAK',
          channel: 'PHONE',
          description: 'bench',
          contactName: 'Bench',
          contactPhone: '13700000000',
        },
      },
    );
    ids.push((data.recordHelpRequest as unknown as { helpRequest: { id: string } }).helpRequest.id);
  });
  let next = 0;
  const transition = await latency('acknowledgeHelpRequest (transition)', 200, () =>
    call(`mutation ($i: TransitionInput!) { acknowledgeHelpRequest(input: $i) { helpRequest { state } } }`, {
      i: { id: ids[next++] },
    }),
  );
  return [intake, transition];
}

// Idle memory, after the load above has settled.
await new Promise((resolve) => setTimeout(resolve, 5000));
const infra = await infraStatus(loadInfraOptions(env));
const processes = [
  ...infra.filter((server) => server.pid).map((server) => ({ name: server.name, pid: server.pid! })),
  ...pidsOf('services/.*/src/index.ts').map((pid) => ({
    name: /services\/([^/]+)\//.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? `subgraph ${pid}`,
    pid,
  })),
  ...pidsOf('gateway/src/index.ts').map((pid) => ({ name: 'gateway', pid })),
];
const memory = processes.map(({ name, pid }) => ({
  name,
  rssMiB: +(kib(pid, 'VmRSS') / 1024).toFixed(0),
  peakMiB: +(kib(pid, 'VmHWM') / 1024).toFixed(0),
}));
const totalIdleMiB = memory.reduce((sum, entry) => sum + entry.rssMiB, 0);
await warm.stop();
rmSync(env.COURTYARD_CACHE_DIR, { recursive: true, force: true });

const report = {
  at: new Date().toISOString(),
  startSeconds: { cold: +cold.seconds.toFixed(1), warm: +warm.seconds.toFixed(1) },
  memory,
  totalIdleMiB,
  latencyMs: results,
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(
  `${ROOT}bench/results/${report.at.replace(/[:.]/g, '-')}.json`,
  `${JSON.stringify(report, null, 2)}\n`,
);
console.log(JSON.stringify(report, null, 2));
