// Options for the local infrastructure, read from the environment with defaults, validated in one
// pass so that a developer sees every bad variable at once instead of fixing them one run at a time.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type MongoBackendKind = 'h2' | 'memory';

export interface InfraOptions {
  /** Data, logs and pid files of one running set of servers. */
  dir: string;
  /** Jars and the compiled Mongo launcher; shared by every checkout on the machine. */
  cacheDir: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
  mongoBackend: MongoBackendKind;
  /** The Mongo server's -Xmx (e.g. "512m"); unset means the launcher's default (infra/src/mongo.ts). */
  mongoMaxHeap?: string;
  readyTimeoutMs: number;
}

/** Endpoints of servers someone else runs (e.g. a real MongoDB); when both are set `up` starts nothing. */
export interface ExternalEndpoints {
  mongoUrl?: string;
  kafkaBrokers?: string[];
}

export class InfraConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid infrastructure configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InfraConfigError';
  }
}

/** infra/src/config.ts -> repository root; independent of the caller's working directory. */
export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const infraRoot: string = path.join(repoRoot, 'infra');

export const defaults = {
  kafkaPort: 9092,
  kafkaControllerPort: 9093,
  mongoPort: 27017,
  mongoBackend: 'h2' as MongoBackendKind,
  readyTimeoutMs: 90_000,
};

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  // XDG says relative values must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'courtyard');
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > 65535) {
    problems.push(`${name} must be an integer port 1..65535, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** Checks an assembled options object (env-derived or passed in by a test). Returns the problems found. */
export function validateInfraOptions(options: InfraOptions): string[] {
  const problems: string[] = [];
  const ports: Array<[string, number]> = [
    ['kafkaPort', options.kafkaPort],
    ['kafkaControllerPort', options.kafkaControllerPort],
    ['mongoPort', options.mongoPort],
  ];
  for (const [name, port] of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${name} must be an integer port 1..65535, got ${port}`);
    }
  }
  for (let i = 0; i < ports.length; i++) {
    for (let j = i + 1; j < ports.length; j++) {
      const [a, pa] = ports[i]!;
      const [b, pb] = ports[j]!;
      if (pa === pb) problems.push(`${a} and ${b} must differ, both are ${pa}`);
    }
  }
  if (options.mongoBackend !== 'h2' && options.mongoBackend !== 'memory') {
    problems.push(`mongoBackend must be "h2" or "memory", got "${String(options.mongoBackend)}"`);
  }
  if (!Number.isInteger(options.readyTimeoutMs) || options.readyTimeoutMs <= 0) {
    problems.push(`readyTimeoutMs must be a positive integer, got ${options.readyTimeoutMs}`);
  }
  if (options.mongoMaxHeap !== undefined && !/^[1-9]\d*[mg]$/.test(options.mongoMaxHeap)) {
    problems.push(`mongoMaxHeap must look like 512m or 2g, got "${options.mongoMaxHeap}"`);
  }
  if (!options.dir) problems.push('dir must not be empty');
  if (!options.cacheDir) problems.push('cacheDir must not be empty');
  return problems;
}

/** Reads the options from the environment (names in infra/README.md); throws InfraConfigError listing every problem. */
export function loadInfraOptions(env: NodeJS.ProcessEnv = process.env): InfraOptions {
  const problems: string[] = [];

  let mongoBackend = defaults.mongoBackend;
  const rawBackend = env.MONGO_BACKEND?.trim();
  if (rawBackend) {
    if (rawBackend === 'h2' || rawBackend === 'memory') mongoBackend = rawBackend;
    else problems.push(`MONGO_BACKEND must be "h2" or "memory", got "${env.MONGO_BACKEND}"`);
  }

  let readyTimeoutMs = defaults.readyTimeoutMs;
  const rawTimeout = env.INFRA_READY_TIMEOUT_MS?.trim();
  if (rawTimeout) {
    const value = Number(rawTimeout);
    if (/^\d+$/.test(rawTimeout) && value > 0) readyTimeoutMs = value;
    else
      problems.push(`INFRA_READY_TIMEOUT_MS must be a positive integer (milliseconds), got "${rawTimeout}"`);
  }

  const options: InfraOptions = {
    dir: path.resolve(env.COURTYARD_INFRA_DIR?.trim() || path.join(repoRoot, '.infra', 'dev')),
    cacheDir: path.resolve(env.COURTYARD_CACHE_DIR?.trim() || defaultCacheDir(env)),
    kafkaPort: readPort(env, 'KAFKA_PORT', defaults.kafkaPort, problems),
    kafkaControllerPort: readPort(env, 'KAFKA_CONTROLLER_PORT', defaults.kafkaControllerPort, problems),
    mongoPort: readPort(env, 'MONGO_PORT', defaults.mongoPort, problems),
    mongoBackend,
    readyTimeoutMs,
  };
  const rawHeap = env.MONGO_MAX_HEAP?.trim();
  if (rawHeap) options.mongoMaxHeap = rawHeap;

  // Invalid fields were replaced by their defaults above, so this adds only cross-field problems (port clashes).
  problems.push(...validateInfraOptions(options));
  readExternalEndpoints(env, problems);
  if (problems.length > 0) throw new InfraConfigError(problems);
  return options;
}

/** MONGO_URL / KAFKA_BROKERS: servers run elsewhere. Each one set means "do not start that server". */
export function loadExternalEndpoints(env: NodeJS.ProcessEnv = process.env): ExternalEndpoints {
  const problems: string[] = [];
  const endpoints = readExternalEndpoints(env, problems);
  if (problems.length > 0) throw new InfraConfigError(problems);
  return endpoints;
}

function readExternalEndpoints(env: NodeJS.ProcessEnv, problems: string[]): ExternalEndpoints {
  const endpoints: ExternalEndpoints = {};
  const mongoUrl = env.MONGO_URL?.trim();
  if (mongoUrl) {
    if (/^mongodb(\+srv)?:\/\/.+/.test(mongoUrl)) endpoints.mongoUrl = mongoUrl;
    else problems.push(`MONGO_URL must start with mongodb:// or mongodb+srv://, got "${mongoUrl}"`);
  }
  const brokers = env.KAFKA_BROKERS?.trim();
  if (brokers) {
    const list = brokers
      .split(',')
      .map((b) => b.trim())
      .filter((b) => b !== '');
    const bad = list.filter((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
    if (list.length === 0 || bad.length > 0) {
      problems.push(`KAFKA_BROKERS must be a comma-separated list of host:port, got "${brokers}"`);
    } else {
      endpoints.kafkaBrokers = list;
    }
  }
  return endpoints;
}
