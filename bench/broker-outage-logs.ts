// `npm run bench:outage-logs` (issue 17): how many bytes of log a broker outage costs. Starts its
// own Kafka and MongoDB-wire server (ports and directory shifted by COURTYARD_TEST_SLOT), one or
// more subgraphs at LOG_LEVEL=info (the default), stops the broker for BENCH_OUTAGE_SECONDS (30),
// starts it again and waits until every subgraph publishes and has logged the kafka clients'
// closing line (at most 60 s). Prints the bytes and lines each subgraph logged during the
// outage and until then, and its most repeated messages.
// Knobs (env): BENCH_OUTAGE_SECONDS, BENCH_OUTAGE_SUBGRAPHS (a list, default "work-orders").
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadInfraOptions, startKafka, startMongo, type ManagedServer } from '@courtyard/infra';
import { publishing, startNodeService, type NodeService } from '../scripts/lib/processes.js';
import { ROOT } from '../scripts/lib/subgraphs.js';

const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('COURTYARD_TEST_SLOT must be 0 to 9');
const shift = slot * 200;
const dir = `${ROOT}.infra/bench-outage-logs${slot === 0 ? '' : `-${slot}`}`;
const seconds = Number(process.env.BENCH_OUTAGE_SECONDS ?? 30);
const names = (process.env.BENCH_OUTAGE_SUBGRAPHS ?? 'work-orders').split(',').map((name) => name.trim());
const progress = (line: string) => process.stderr.write(`[bench:outage-logs] ${line}\n`);

const options = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: dir,
  KAFKA_PORT: String(29392 + shift),
  KAFKA_CONTROLLER_PORT: String(29393 + shift),
  MONGO_PORT: String(28317 + shift),
  MONGO_BACKEND: 'memory',
});
const brokers = `127.0.0.1:${options.kafkaPort}`;
const mongoUrl = `mongodb://127.0.0.1:${options.mongoPort}`;

const bytes = (file: string) => statSync(file).size;
/** The messages logged after `from` bytes, most repeated first. */
const repeated = (file: string, from: number) => {
  const counts = new Map<string, number>();
  const lines = readFileSync(file).subarray(from).toString('utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    let key = line.slice(0, 120);
    try {
      const entry = JSON.parse(line) as { msg?: string; level?: number };
      key = `${entry.level ?? '?'} ${String(entry.msg).slice(0, 110)}`;
    } catch {
      // not JSON: keep the start of the line
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    lines: lines.length,
    top: [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([message, count]) => `${count}× ${message}`),
  };
};

rmSync(dir, { recursive: true, force: true });
let kafka: ManagedServer | undefined;
let mongo: ManagedServer | undefined;
const services: NodeService[] = [];
try {
  [kafka, mongo] = await Promise.all([startKafka(options), startMongo(options)]);
  for (const [index, name] of names.entries()) {
    const port = 24390 + shift + index;
    services.push(
      await startNodeService({
        name,
        entry: `${ROOT}services/${name}/src/index.ts`,
        port,
        logFile: `${dir}/${name}.log`,
        env: {
          ...process.env,
          PORT: String(port),
          MONGO_URL: mongoUrl,
          MONGO_DATABASE: `outage_${name.replace(/-/g, '_')}`,
          KAFKA_BROKERS: brokers,
          LOG_LEVEL: 'info',
          NODE_ENV: 'development',
          INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
        },
        readyWhen: publishing,
      }),
    );
  }
  const before = services.map((service) => bytes(service.logFile));
  progress(`stopping the broker for ${seconds} s`);
  await kafka.stop('SIGTERM');
  await sleep(seconds * 1000);
  const during = services.map((service) => bytes(service.logFile));
  progress('starting the broker again');
  kafka = await startKafka(options);
  for (const service of services) {
    for (let ready = false; !ready; await sleep(250)) {
      ready = await fetch(`${service.baseUrl}/readyz`)
        .then(async (response) => publishing(await response.json()))
        .catch(() => false);
    }
  }
  // The kafka clients' closing line comes once no error has repeated for a while: wait for it.
  const closed = (service: NodeService) =>
    readFileSync(service.logFile)
      .subarray(before[services.indexOf(service)]!)
      .includes('broker answering again');
  const deadline = Date.now() + 60_000;
  while (
    Date.now() < deadline &&
    !services.every((service, index) => during[index] === before[index] || closed(service))
  ) {
    await sleep(500);
  }
  const after = services.map((service) => bytes(service.logFile));
  const report = services.map((service, index) => ({
    subgraph: service.name,
    outageSeconds: seconds,
    bytesDuringOutage: during[index]! - before[index]!,
    bytesOutageAndRecovery: after[index]! - before[index]!,
    closingLine: closed(service),
    ...repeated(service.logFile, before[index]!),
  }));
  console.log(JSON.stringify(report, null, 2));
} finally {
  await Promise.all(services.map((service) => service.stop()));
  await kafka?.stop();
  await mongo?.stop();
}
