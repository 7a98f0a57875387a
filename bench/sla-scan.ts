// `npm run bench:sla`: one SLA scan (SlaScheduler.tick) over N open requests of which D are due,
// for each size in BENCH_SLA_SIZES ("open x due", comma-separated; default the issue's
// 10k/100k open x 100/1,000 due). Target (issue 18): <= 1 s for 100,000 open with 1,000 due, and
// a time that grows with the due requests, not the open ones. Uses its own local servers on
// separate ports, on the npm-start default (the H2 launcher, which uses the `slaWakeAt` index
// like MongoDB does). Only MongoDB is started (the scan writes events to the outbox; the relay is
// not what it measures), in a slot-aware directory on a free port, unless MONGO_URL names one.
//
//   COURTYARD_TEST_SLOT=2 npm run bench:sla
//   BENCH_SLA_SIZES=100000x1000,100000x10 COURTYARD_TEST_SLOT=2 npm run bench:sla
import { loadavg } from 'node:os';
import { AggregateWriter, sequentialIds, systemActor } from '@courtyard/kernel';
import { receive, validateIntake } from '../services/work-orders/src/domain/intake.js';
import { createModels } from '../services/work-orders/src/repository/models.js';
import { SlaScheduler } from '../services/work-orders/src/scheduler/sla-scheduler.js';
import { benchMongo, inScratchDatabase, serverCpuNs } from './local-mongo.js';

const SIZES = (process.env.BENCH_SLA_SIZES ?? '10000x100,10000x1000,100000x100,100000x1000')
  .split(',')
  .map((size) => size.split('x').map(Number) as [number, number]);
const { url: mongoUrl, server } = await benchMongo('sla');
const receivedAt = new Date('2026-11-23T02:00:00Z');
const desk = { actor: systemActor('bench'), now: receivedAt, newId: sequentialIds() };
const template = receive(
  validateIntake(
    {
      propertyId: 'bench-property',
      type: 'REPAIR',
      category: 'WATER_LEAK',
      channel: 'PHONE',
      description: 'Leak',
      contactName: 'Li Wei',
      contactPhone: '13812345678',
      urgent: true,
    },
    desk,
  ),
  'WO-2026-000000',
  null,
  desk,
  'Asia/Shanghai',
).record;
const FAR = new Date('2030-01-01T00:00:00Z');

// A warm-up scan first (printed as such): a running service's code paths, and the launcher's,
// are compiled and warm; the first scan of a fresh process would also time the JIT.
for (const [open, due, warmUp] of [
  [2_000, 500, true] as const,
  ...SIZES.map(([o, d]) => [o, d, false] as const),
]) {
  await inScratchDatabase(mongoUrl, 'bench_sla', async (connection) => {
    const models = await createModels(connection);
    const loadStarted = performance.now();
    for (let start = 0; start < open; start += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, open - start) }, (_, i) => {
        const n = start + i;
        // The first `due` requests are past their on-site limit at scan time; the rest are not yet.
        return {
          ...template,
          _id: `hr-${n}`,
          number: `WO-2026-${String(n).padStart(6, '0')}`,
          outbox: [],
          slaWakeAt: n < due ? template.slaWakeAt : FAR,
        };
      });
      await models.HelpRequest.collection.insertMany(batch as never[]);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const scheduler = new SlaScheduler({
      models,
      db: connection.db!,
      writer: new AggregateWriter(() => undefined),
      chainTitles: ['desk', 'supervisor', 'director', 'manager'],
      confirmationWaitHours: 48,
      batchSize: 100_000,
    });
    const cpuBefore = { server: serverCpuNs(server), client: process.cpuUsage() };
    const started = performance.now();
    const report = await scheduler.tick(new Date(receivedAt.getTime() + 31 * 60_000));
    const ms = performance.now() - started;
    const clientCpu = process.cpuUsage(cpuBefore.client);
    // CPU time of the scan in the launcher and in this process: the figures load does not inflate.
    const cpu = {
      serverCpuMs: server ? Math.round((serverCpuNs(server) - cpuBefore.server) / 1e6) : undefined,
      clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
    };
    // What the store holds afterwards, not only what the scan says it did.
    const stored = await models.HelpRequest.countDocuments({ escalationLevel: 1 });
    console.log(
      JSON.stringify({
        ...(warmUp ? { warmUp } : {}),
        open,
        due,
        scanMs: Math.round(ms),
        ...cpu,
        ...report.timings,
        escalated: report.escalated,
        breached: report.breached,
        escalatedInStore: stored,
        loadSeconds: Math.round(loadSeconds),
        load1m: Number(loadavg()[0]!.toFixed(1)),
      }),
    );
  });
}
await server?.stop();
process.exit(0);
