// `npm run bench:store`: how the MongoDB-wire store holds a large estate. Loads documents shaped
// like help requests (about 1 KB, with the secondary indexes the work-orders model declares) at
// 1,000, 10,000 and 100,000 documents and times the reads and writes every screen and every
// transition issue, median of BENCH_RUNS (20). Starts its own H2-backed launcher (slot-aware
// directory, a free port) unless MONGO_URL points at a server you run, e.g. a real MongoDB for the
// comparison. Writes bench/results/store-<timestamp>.json and .md.
//
//   COURTYARD_TEST_SLOT=1 npm run bench:store
//   BENCH_SIZES=1000,10000 MONGO_MAX_HEAP=2g npm run bench:store
//   MONGO_URL=mongodb://127.0.0.1:27017 npm run bench:store
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import {
  findFreePort,
  loadInfraOptions,
  MONGO_DEFAULT_MAX_HEAP,
  startMongo,
  type ManagedServer,
} from '@courtyard/infra';
import mongoose from 'mongoose';
import { serverCpuNs } from './local-mongo.js';
import { ROOT } from '../scripts/lib/subgraphs.js';

interface HelpRequest {
  _id: string;
  version: number;
  propertyId: string;
  number: string;
  state: string;
  category: string;
  receivedAt: Date;
  createdAt: Date;
  dueAt: Date;
  assigneeIds: string[];
  contact: { name: string; phone: string };
  description: string;
  timeline: Array<{ at: Date; kind: string; byId: string }>;
  outbox: unknown[];
  note?: string;
}

const PROPERTIES = Array.from({ length: 10 }, (_, i) => `property-${i}`);
const STATES = ['RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
const START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 24 * 3600_000;
const runs = Number(process.env.BENCH_RUNS ?? 20);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const BATCH = 1_000;
const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');

/** Deterministic, so two runs (and two servers) load the same estate. */
function helpRequest(i: number): HelpRequest {
  const receivedAt = new Date(START + Math.floor((i * 7_919) % YEAR_MS));
  const state = STATES[(i * 31) % STATES.length]!;
  return {
    _id: `hr-${String(i).padStart(7, '0')}`,
    version: 1,
    propertyId: PROPERTIES[i % PROPERTIES.length]!,
    number: `WO-${i}`,
    state,
    category: ['PLUMBING', 'ELECTRICAL', 'HEATING', 'OTHER'][i % 4]!,
    receivedAt,
    createdAt: receivedAt,
    dueAt: new Date(receivedAt.getTime() + ((i % 5) + 1) * 86_400_000),
    assigneeIds: state === 'RECEIVED' ? [] : [`tech-${i % 40}`],
    contact: { name: `Resident ${i}`, phone: `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}` },
    description: `Leak under the kitchen sink, unit ${i % 500}. `.repeat(12).slice(0, 560),
    timeline: Array.from({ length: 3 }, (_, k) => ({
      at: new Date(receivedAt.getTime() + k * 3_600_000),
      kind: ['RECEIVED', 'ASSIGNED', 'NOTE'][k]!,
      byId: `staff-${(i + k) % 25}`,
    })),
    outbox: [],
  };
}

/** What work-orders' model declares for help requests (createdAt there is receivedAt here). */
async function declareIndexes(docs: mongoose.mongo.Collection<HelpRequest>): Promise<void> {
  await docs.createIndexes([
    { key: { propertyId: 1, number: 1 }, unique: true },
    { key: { propertyId: 1, receivedAt: -1, _id: -1 } },
    { key: { propertyId: 1, state: 1, receivedAt: -1, _id: -1 } },
    { key: { state: 1, dueAt: 1 } },
    { key: { dueAt: 1 } },
    { key: { assigneeIds: 1, state: 1, dueAt: 1 } },
    { key: { 'outbox.0': 1 }, sparse: true, name: 'outbox_pending' },
  ]);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Number(value.toFixed(2));
}

/** Median wall time of `runs` calls, and the server's mean CPU time per call (launcher only). */
async function timed(run: (i: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  const cpuBefore = serverCpuNs(server);
  for (let i = 0; i < runs; i++) {
    const begin = performance.now();
    await run(i);
    samples.push(performance.now() - begin);
  }
  const cpuMs = Number(((serverCpuNs(server) - cpuBefore) / runs / 1e6).toFixed(2));
  return server ? { ms: median(samples), serverCpuMs: cpuMs } : { ms: median(samples) };
}

const kib = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
};

const external = process.env.MONGO_URL?.trim();
let server: ManagedServer | undefined;
let url: string;
let dataFile: string | undefined;
if (external) {
  url = external;
} else {
  const base = loadInfraOptions();
  const dir = `${ROOT}.infra/bench-store${slot === 0 ? '' : `-${slot}`}`;
  rmSync(dir, { recursive: true, force: true });
  const options = { ...base, dir, mongoPort: await findFreePort(), mongoBackend: 'h2' as const };
  server = await startMongo(options, (line) => console.log(line));
  url = `mongodb://127.0.0.1:${options.mongoPort}`;
  dataFile = `${dir}/mongo/data.mv`;
}

const client = await mongoose.mongo.MongoClient.connect(url);
const dbName = `bench_store_${Date.now()}`;
const db = client.db(dbName);
const docs = db.collection<HelpRequest>('help_requests');
await declareIndexes(docs);

const versions = new Map<string, number>();
interface Timing {
  ms: number;
  serverCpuMs?: number;
}
interface Row {
  documents: number;
  loadSeconds: number;
  updateByIdAndVersionMs: Timing;
  newestOfPropertyAndStateMs: Timing;
  countByPropertyMs: Timing;
  dueClocksMs: Timing;
  findByIdMs: Timing;
  pingMs: Timing;
  bytesPerDocument?: number;
  rssMiB?: number;
  peakRssMiB?: number;
}
const rows: Row[] = [];
let loaded = 0;
try {
  for (const size of sizes) {
    const began = performance.now();
    while (loaded < size) {
      const batch = Array.from({ length: Math.min(BATCH, size - loaded) }, (_, k) => helpRequest(loaded + k));
      await docs.insertMany(batch, { ordered: true });
      for (const doc of batch) versions.set(doc._id, doc.version);
      loaded += batch.length;
    }
    const loadSeconds = Number(((performance.now() - began) / 1000).toFixed(1));
    const idAt = (i: number) => `hr-${String((i * 7_777 + 13) % size).padStart(7, '0')}`;

    const updateByIdAndVersionMs = await timed(async (i) => {
      const id = idAt(i);
      const version = versions.get(id)!;
      const result = await docs.updateOne(
        { _id: id, version },
        { $set: { note: `touched ${i}` }, $inc: { version: 1 } },
      );
      if (result.matchedCount !== 1) throw new Error(`update of ${id} v${version} matched nothing`);
      versions.set(id, version + 1);
    });
    const newestOfPropertyAndStateMs = await timed(async (i) => {
      const found = await docs
        .find({ propertyId: PROPERTIES[i % PROPERTIES.length]!, state: STATES[i % STATES.length]! })
        .sort({ receivedAt: -1, _id: -1 })
        .limit(50)
        .toArray();
      if (found.length === 0) throw new Error('newest-of-property-and-state found nothing');
    });
    const countByPropertyMs = await timed(async (i) => {
      const count = await docs.countDocuments({ propertyId: PROPERTIES[i % PROPERTIES.length]! });
      if (count === 0) throw new Error('count by property found nothing');
    });
    const dueClocksMs = await timed(async (i) => {
      const due = new Date(START + ((i + 1) * YEAR_MS) / (runs + 2));
      const found = await docs
        .find({ dueAt: { $lte: due } })
        .sort({ dueAt: 1 })
        .limit(100)
        .toArray();
      if (found.length === 0) throw new Error('due clocks found nothing');
    });
    const findByIdMs = await timed(async (i) => {
      if (!(await docs.findOne({ _id: idAt(i + runs) }))) throw new Error('findOne by _id found nothing');
    });

    // The floor: one round trip that reads nothing (on a loaded machine this is most of every figure).
    const pingMs = await timed(() => db.command({ ping: 1 }));

    const row: Row = {
      documents: size,
      loadSeconds,
      updateByIdAndVersionMs,
      newestOfPropertyAndStateMs,
      countByPropertyMs,
      dueClocksMs,
      findByIdMs,
      pingMs,
    };
    if (dataFile) row.bytesPerDocument = Math.round(statSync(dataFile).size / size);
    if (server) {
      row.rssMiB = Math.round(kib(server.pid, 'VmRSS') / 1024);
      row.peakRssMiB = Math.round(kib(server.pid, 'VmHWM') / 1024);
    }
    rows.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  await db.dropDatabase().catch(() => undefined);
  await client.close();
  await server?.stop();
}

const target = external
  ? `MONGO_URL (${external.replace(/\/\/[^@]*@/, '//')})`
  : 'launcher (H2 file backend)';
const heap = external ? '' : `, -Xmx${process.env.MONGO_MAX_HEAP ?? MONGO_DEFAULT_MAX_HEAP}`;
const cell = (value: number | Timing | undefined): string => {
  if (value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value.serverCpuMs === undefined ? cell(value.ms) : `${cell(value.ms)} (${cell(value.serverCpuMs)})`;
};
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const table = [
  `Store benchmark on ${target}${heap}, median of ${runs} in ms (in brackets: the server's CPU time per call, ms); load average at the end ${load}`,
  '',
  `| operation | ${rows.map((r) => `${r.documents.toLocaleString('en-US')} docs`).join(' | ')} |`,
  `|---|${rows.map(() => '---').join('|')}|`,
  ...(
    [
      ['`updateOne({_id, version})` $set + $inc', 'updateByIdAndVersionMs'],
      ['50 newest of a property and state, by receivedAt desc', 'newestOfPropertyAndStateMs'],
      ['`countDocuments({propertyId})`', 'countByPropertyMs'],
      ['100 due clocks (`dueAt <= t`, by dueAt, limit 100)', 'dueClocksMs'],
      ['`findOne({_id})`', 'findByIdMs'],
      ['`ping` (one round trip, the floor)', 'pingMs'],
      ['load up to this size (insertMany, batches of 1,000), s', 'loadSeconds'],
      ['bytes on disk per document', 'bytesPerDocument'],
      ['server RSS MiB (peak)', 'rssMiB'],
    ] as const
  ).map(
    ([label, key]) =>
      `| ${label} | ${rows
        .map((r) => (key === 'rssMiB' ? `${cell(r.rssMiB)} (${cell(r.peakRssMiB)})` : cell(r[key])))
        .join(' | ')} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);

const at = new Date().toISOString();
mkdirSync(`${ROOT}bench/results`, { recursive: true });
const stem = `${ROOT}bench/results/store-${at.replace(/[:.]/g, '-')}`;
writeFileSync(`${stem}.json`, `${JSON.stringify({ at, target, runs, rows }, null, 2)}\n`);
writeFileSync(`${stem}.md`, `${table}\n`);
console.log(`wrote ${stem}.json and .md`);
