// `npm run bench:events` (issue 24): how fast events move. Starts its own Kafka and MongoDB-wire
// server through @courtyard/infra (ports and directory shifted by COURTYARD_TEST_SLOT; MONGO_URL
// and KAFKA_BROKERS name servers run elsewhere, e.g. a real MongoDB), and measures
//   (a) outbox → broker: events/s sustained through the AggregateWriter and the kernel's relay,
//       per-aggregate order, losses and duplicates checked on a consumer;
//   (b) write → visible: p50/p99 from the client's acknowledgement of an intake through the
//       gateway to its event's arrival at a consumer, at a steady rate;
//   (c) the kernel's idempotent consumer and the analytics consumer: events/s, applied once,
//       time for lag to return to zero after a burst;
//   (d) growth with data: the 50 newest help requests with their total and the front-desk board
//       (as a general manager and as the property's front desk), acknowledging one and recording
//       one, with 1,000 / 10,000 / 100,000 requests in the store.
// Writes bench/results/events-<time>.json and .md. Knobs (env): BENCH_EVENTS_PARTS (a,b,c,d),
// BENCH_OUTBOX_SECONDS, BENCH_OUTBOX_RATE, BENCH_OUTBOX_AGGREGATES, BENCH_OUTBOX_EVENTS_PER_WRITE,
// BENCH_VISIBLE_RATE (a list: "100,20"), BENCH_VISIBLE_SECONDS, BENCH_BURST, BENCH_GROWTH_SIZES,
// BENCH_GROWTH_RUNS, MONGO_BACKEND (memory | h2), BENCH_CPU_PROF (a directory: V8 CPU profiles of the
// gateway and of each subgraph, written as they stop).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { infraDown, infraUp, loadInfraOptions } from '@courtyard/infra';
import { createLogger } from '@courtyard/kernel';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { benchAnalyticsConsumer, benchKernelConsumer } from './consumers.js';
import { benchGrowth } from './growth.js';
import { benchOutbox } from './outbox.js';
import { startBenchPlatform } from './platform.js';
import { BENCH_DIR, BENCH_INFRA_ENV } from './ports.js';
import { toMarkdown } from './report.js';
import { benchWriteToVisible } from './visible.js';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const parts = new Set((process.env.BENCH_EVENTS_PARTS ?? 'a,b,c,d').split(',').map((p) => p.trim()));
const logger = createLogger('bench-events', process.env.LOG_LEVEL ?? 'warn');
const progress = (line: string) => process.stderr.write(`[bench:events] ${line}\n`);

const options = loadInfraOptions({ ...process.env, ...BENCH_INFRA_ENV });
// A clean broker and store each run; servers a crashed run left are stopped first, by their pid files.
if (!process.env.MONGO_URL && !process.env.KAFKA_BROKERS) {
  await infraDown(options);
  rmSync(BENCH_DIR, { recursive: true, force: true });
}
const endpoints = await infraUp(options, (line) => process.stderr.write(`[infra] ${line}\n`));
const { mongoUrl, kafkaBrokers: brokers } = endpoints;
const report: Record<string, unknown> = {
  at: new Date().toISOString(),
  commit: execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim(),
  mongo: process.env.MONGO_URL ? 'external (MONGO_URL)' : `local wire server (${options.mongoBackend})`,
};
try {
  if (parts.has('b') || parts.has('d')) {
    progress('starting the platform');
    const { platform, call, callAs } = await startBenchPlatform(mongoUrl, brokers);
    try {
      if (parts.has('b')) {
        progress('(b) write → visible');
        // Several rates (e.g. "100,20") tell the relay's share from a saturated platform's.
        const rates = (process.env.BENCH_VISIBLE_RATE ?? '100').split(',').map(Number);
        const runs = [];
        for (const rate of rates) {
          runs.push(
            await benchWriteToVisible({
              call,
              platform,
              brokers,
              logger,
              rate,
              seconds: number('BENCH_VISIBLE_SECONDS', 30),
              warmupSeconds: number('BENCH_VISIBLE_WARMUP_SECONDS', 5),
              maxInFlight: number('BENCH_VISIBLE_MAX_IN_FLIGHT', 32),
            }),
          );
          progress(JSON.stringify(runs.at(-1)));
        }
        report.writeToVisible = runs;
        progress(JSON.stringify(report.writeToVisible));
      }
      if (parts.has('d')) {
        progress('(d) growth with data');
        report.growth = await benchGrowth({
          call,
          callAs,
          mongoUrl,
          sizes: (process.env.BENCH_GROWTH_SIZES ?? '1000,10000,100000').split(',').map(Number),
          runs: number('BENCH_GROWTH_RUNS', 30),
        });
        progress(JSON.stringify(report.growth));
      }
    } finally {
      await platform.stop();
    }
  }
  if (parts.has('a')) {
    progress('(a) outbox → broker');
    report.outboxToBroker = await benchOutbox({
      mongoUrl,
      brokers,
      logger,
      seconds: number('BENCH_OUTBOX_SECONDS', 60),
      offeredPerSecond: number('BENCH_OUTBOX_RATE', 3000),
      // Few enough that the local server's `{_id, version}` scan does not bound the writers.
      aggregates: number('BENCH_OUTBOX_AGGREGATES', 200),
      writers: number('BENCH_OUTBOX_WRITERS', 16),
      eventsPerWrite: number('BENCH_OUTBOX_EVENTS_PER_WRITE', 5),
    });
    progress(JSON.stringify(report.outboxToBroker));
  }
  if (parts.has('c')) {
    const burst = number('BENCH_BURST', 10_000);
    progress('(c) kernel idempotent consumer');
    report.kernelConsumer = await benchKernelConsumer({ mongoUrl, brokers, logger, burst });
    progress(JSON.stringify(report.kernelConsumer));
    progress('(c) analytics consumer');
    report.analyticsConsumer = await benchAnalyticsConsumer({ mongoUrl, brokers, logger, burst });
    progress(JSON.stringify(report.analyticsConsumer));
  }
} finally {
  if (!endpoints.external) await infraDown(options);
}

mkdirSync(`${ROOT}bench/results`, { recursive: true });
const file = `${ROOT}bench/results/events-${String(report.at).replace(/[:.]/g, '-')}`;
writeFileSync(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${file}.md`, toMarkdown(report));
console.log(toMarkdown(report));
console.log(`written ${file}.json and .md`);
