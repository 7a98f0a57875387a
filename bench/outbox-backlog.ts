// `npm run bench:backlog`: one read of the outbox backlog gauges (what a Prometheus scrape of a
// subgraph's /metrics costs) over N aggregates with pending events, each with E events, for each
// size in BENCH_BACKLOG_SIZES ("aggregates x events", comma-separated; default 1,000 and 10,000
// aggregates of 3 events: a broker outage's backlog). Reports the median wall time of 10 reads,
// the CPU time of this process (the service's side) and of the launcher per read, and the
// figures read. Its own MongoDB-wire server (H2, the npm-start default) in a slot-aware
// directory on a free port, unless MONGO_URL names one.
//
//   COURTYARD_TEST_SLOT=2 npm run bench:backlog
//   BENCH_BACKLOG_SIZES=10000x1 COURTYARD_TEST_SLOT=2 npm run bench:backlog
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { readOutboxBacklog } from '@courtyard/kernel';
import { benchMongo, inScratchDatabase, serverCpuNs } from './local-mongo.js';

const SIZES = (process.env.BENCH_BACKLOG_SIZES ?? '1000x3,10000x3')
  .split(',')
  .map((size) => size.split('x').map(Number) as [number, number]);
const READS = 10;
const { url: mongoUrl, server } = await benchMongo('backlog');

const at = new Date('2026-11-23T02:00:00Z');
const pendingEvent = (n: number, i: number) => ({
  id: randomUUID(),
  specversion: '1.0',
  type: 'workorder.received.v1',
  source: '/courtyard/work-orders',
  subject: `agg-${n}`,
  time: new Date(at.getTime() + n * 1000 + i).toISOString(),
  datacontenttype: 'application/json',
  // About the size of a help request's event: what a read of whole outboxes would carry.
  data: { description: 'x'.repeat(600), state: 'RECEIVED', propertyId: 'bench-property' },
});

for (const [aggregates, events] of SIZES) {
  await inScratchDatabase(mongoUrl, 'bench_backlog', async (connection) => {
    const db = connection.db!;
    const things = db.collection('things');
    await things.createIndex({ 'outbox.0': 1 }, { sparse: true });
    for (let start = 0; start < aggregates; start += 2_000) {
      const batch = Array.from({ length: Math.min(2_000, aggregates - start) }, (_, i) => {
        const n = start + i;
        return {
          _id: `agg-${n}`,
          version: 1,
          outbox: Array.from({ length: events }, (_, e) => pendingEvent(n, e)),
        };
      });
      await things.insertMany(batch as never[]);
    }
    // Published aggregates beside them: the sweep's filter must skip these.
    await things.insertMany(
      Array.from({ length: aggregates }, (_, n) => ({ _id: `done-${n}`, version: 2, outbox: [] })) as never[],
    );
    const now = new Date(at.getTime() + 3_600_000);
    await readOutboxBacklog(db, ['things'], now); // warm-up
    const times: number[] = [];
    const cpuBefore = { server: serverCpuNs(server), client: process.cpuUsage() };
    let figures: Awaited<ReturnType<typeof readOutboxBacklog>> = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      figures = await readOutboxBacklog(db, ['things'], now);
      times.push(performance.now() - started);
    }
    const clientCpu = process.cpuUsage(cpuBefore.client);
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        aggregates,
        eventsEach: events,
        medianReadMs: Math.round(times[Math.floor(READS / 2)]!),
        clientCpuMsPerRead: Math.round((clientCpu.user + clientCpu.system) / 1000 / READS),
        ...(server
          ? { serverCpuMsPerRead: Math.round((serverCpuNs(server) - cpuBefore.server) / 1e6 / READS) }
          : {}),
        read: figures[0],
        load1m: Number(loadavg()[0]!.toFixed(1)),
      }),
    );
  });
}
await server?.stop();
process.exit(0);
