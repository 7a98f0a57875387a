// Library API of the local infrastructure, used by the CLI, the test global setup and scripts.
import { kafkaBrokers, kafkaPaths, provisionKafka, startKafka } from './kafka.js';
import { mongoPaths, mongoUrl, provisionMongo, startMongo } from './mongo.js';
import { isRecordRunning, readPidFile, removePidFile, stopPid, type ManagedServer } from './processes.js';
import { waitForKafka, waitForMongo } from './readiness.js';
import {
  InfraConfigError,
  loadExternalEndpoints,
  loadInfraOptions,
  validateInfraOptions,
  type InfraOptions,
} from './config.js';

export { InfraConfigError, loadInfraOptions, validateInfraOptions, type InfraOptions } from './config.js';
export { startKafka } from './kafka.js';
export { MONGO_DEFAULT_MAX_HEAP, startMongo } from './mongo.js';
export { findFreePort, type ManagedServer } from './processes.js';
export { NotReadyError, READINESS_TOPIC, waitForKafka, waitForMongo } from './readiness.js';

export interface InfraEndpoints {
  /** mongodb://127.0.0.1:PORT (or MONGO_URL when set) */
  mongoUrl: string;
  kafkaBrokers: string[];
  /** True when both came from MONGO_URL / KAFKA_BROKERS and nothing was started. */
  external: boolean;
}

export interface InfraServerStatus {
  name: 'kafka' | 'mongo';
  running: boolean;
  pid?: number;
  address: string;
  log: string;
}

function resolveOptions(overrides: Partial<InfraOptions> = {}): InfraOptions {
  const options = { ...loadInfraOptions(process.env), ...overrides };
  const problems = validateInfraOptions(options);
  if (problems.length > 0) throw new InfraConfigError(problems);
  return options;
}

/**
 * Makes Kafka and Mongo available and returns where they listen.
 *
 * MONGO_URL / KAFKA_BROKERS name servers run elsewhere (e.g. a real MongoDB): each one set is not
 * started here, only waited for. Servers already running from `options.dir` are reused, so a second
 * `up` costs only the readiness check. Jars and the launcher are provisioned one after the other
 * (two Maven runs at once on a cold ~/.m2 would race on the same downloads), then both servers start
 * in parallel. If one fails, the other one started by this call is stopped again.
 */
export async function infraUp(
  overrides: Partial<InfraOptions> = {},
  log: (line: string) => void = () => {},
): Promise<InfraEndpoints> {
  const external = loadExternalEndpoints(process.env);
  const options = resolveOptions(overrides);

  if (external.mongoUrl && external.kafkaBrokers) {
    log(
      `using external servers: MONGO_URL=${external.mongoUrl} KAFKA_BROKERS=${external.kafkaBrokers.join(',')}`,
    );
    await Promise.all([
      waitForMongo(external.mongoUrl, options.readyTimeoutMs),
      waitForKafka(external.kafkaBrokers, options.readyTimeoutMs),
    ]);
    return { mongoUrl: external.mongoUrl, kafkaBrokers: external.kafkaBrokers, external: true };
  }

  if (!external.kafkaBrokers) await provisionKafka(options, log);
  if (!external.mongoUrl) await provisionMongo(options, log);

  const alreadyRunning = {
    kafka: await isRunning(kafkaPaths(options).pidFile),
    mongo: await isRunning(mongoPaths(options).pidFile),
  };
  const results = await Promise.allSettled([
    external.kafkaBrokers
      ? waitForKafka(external.kafkaBrokers, options.readyTimeoutMs).then(() => undefined)
      : startKafka(options, log),
    external.mongoUrl
      ? waitForMongo(external.mongoUrl, options.readyTimeoutMs).then(() => undefined)
      : startMongo(options, log),
  ]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    const started: ManagedServer[] = [];
    const [kafka, mongo] = results;
    if (kafka?.status === 'fulfilled' && kafka.value && !alreadyRunning.kafka) started.push(kafka.value);
    if (mongo?.status === 'fulfilled' && mongo.value && !alreadyRunning.mongo) started.push(mongo.value);
    await Promise.all(started.map((server) => server.stop().catch(() => undefined)));
    const reasons = failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason)));
    throw new Error(reasons.join('\n\n'));
  }

  return {
    mongoUrl: external.mongoUrl ?? mongoUrl(options),
    kafkaBrokers: external.kafkaBrokers ?? kafkaBrokers(options),
    external: false,
  };
}

/** Stops the servers `up` started from `options.dir` (and only those); data stays for the next `up`. */
export async function infraDown(overrides: Partial<InfraOptions> = {}): Promise<void> {
  const options = resolveOptions(overrides);
  await Promise.all(
    [kafkaPaths(options).pidFile, mongoPaths(options).pidFile].map(async (pidFile) => {
      const record = await readPidFile(pidFile);
      if (!record) return;
      if (isRecordRunning(record)) await stopPid(record.pid, 'SIGTERM');
      await removePidFile(pidFile, record.pid);
    }),
  );
}

export async function infraStatus(overrides: Partial<InfraOptions> = {}): Promise<InfraServerStatus[]> {
  const options = resolveOptions(overrides);
  const servers = [
    { name: 'kafka' as const, paths: kafkaPaths(options), port: options.kafkaPort },
    { name: 'mongo' as const, paths: mongoPaths(options), port: options.mongoPort },
  ];
  return Promise.all(
    servers.map(async ({ name, paths, port }) => {
      const record = await readPidFile(paths.pidFile);
      const running = record !== undefined && isRecordRunning(record);
      const status: InfraServerStatus = {
        name,
        running,
        address: record?.address ?? `127.0.0.1:${port}`,
        log: paths.logFile,
      };
      if (running && record) status.pid = record.pid;
      return status;
    }),
  );
}

async function isRunning(pidFile: string): Promise<boolean> {
  const record = await readPidFile(pidFile);
  return record !== undefined && isRecordRunning(record);
}
