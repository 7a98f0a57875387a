// The local MongoDB-wire server: mongo-java-server behind our launcher
// (infra/mongo/src/main/java/courtyard/infra/MongoWireServer.java), which makes every acknowledged
// write survive kill -9 on the H2 backend.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { infraRoot, type InfraOptions } from './config.js';
import { classpath, compileJava, javaTool } from './java.js';
import { resolveMavenLibs } from './maven.js';
import type { ManagedServer } from './processes.js';
import { waitForMongoProcess } from './readiness.js';
import { startOrReuse } from './server.js';

export const MONGO_POM = path.join(infraRoot, 'mongo', 'pom.xml');
export const MONGO_SOURCE_ROOT = path.join(infraRoot, 'mongo', 'src', 'main', 'java');
export const MONGO_LAUNCHER_SOURCE = path.join(
  MONGO_SOURCE_ROOT,
  'courtyard',
  'infra',
  'MongoWireServer.java',
);

/** The launcher and the store code around the library (courtyard/infra/store), sorted so the cache key is stable. */
async function mongoSources(): Promise<string[]> {
  const entries = await readdir(MONGO_SOURCE_ROOT, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.java'))
    .map((entry) => path.join(MONGO_SOURCE_ROOT, entry))
    .sort();
}
/** Measured: ~70 MB RSS idle, ~190 MB after benchmarks; the default heap let it grow to 890 MB. */
export const MONGO_DEFAULT_MAX_HEAP = '256m';
export const MONGO_MAIN_CLASS = 'courtyard.infra.MongoWireServer';

export function mongoPaths(options: InfraOptions) {
  return {
    dataFile: path.join(options.dir, 'mongo', 'data.mv'),
    logFile: path.join(options.dir, 'logs', 'mongo.log'),
    pidFile: path.join(options.dir, 'mongo.pid'),
  };
}

export function mongoUrl(options: InfraOptions): string {
  return `mongodb://127.0.0.1:${options.mongoPort}`;
}

/** Jars plus the compiled launcher, both cached; returns the classpath to run it with. */
export async function provisionMongo(
  options: InfraOptions,
  log: (line: string) => void = () => {},
): Promise<string> {
  const libs = await resolveMavenLibs('mongo', MONGO_POM, options.cacheDir, log);
  const classes = await compileJava({
    name: 'mongo',
    cacheDir: options.cacheDir,
    libsDir: libs,
    pomPath: MONGO_POM,
    sources: await mongoSources(),
    log,
  });
  return classpath(classes, path.join(libs, '*'));
}

/** Starts the server for `options.dir` (or reuses the running one) and resolves once it answers `ping`. */
export function startMongo(
  options: InfraOptions,
  log: (line: string) => void = () => {},
): Promise<ManagedServer> {
  const paths = mongoPaths(options);
  const dirMarker = `-Dcourtyard.infra.dir=${options.dir}`;
  const url = mongoUrl(options);
  return startOrReuse({
    name: 'mongo',
    dir: options.dir,
    pidFile: paths.pidFile,
    logFile: paths.logFile,
    port: options.mongoPort,
    ports: [{ port: options.mongoPort, variable: 'MONGO_PORT' }],
    markers: [dirMarker, MONGO_MAIN_CLASS],
    details: { backend: options.mongoBackend },
    log,
    prepare: async () => {
      const cp = await provisionMongo(options, log);
      const storage = options.mongoBackend === 'h2' ? ['--file', paths.dataFile] : [];
      if (options.mongoBackend === 'h2') await mkdir(path.dirname(paths.dataFile), { recursive: true });
      return {
        command: javaTool('java'),
        args: [
          `-Xmx${options.mongoMaxHeap ?? MONGO_DEFAULT_MAX_HEAP}`,
          '-XX:+UseSerialGC',
          '-XX:+ExitOnOutOfMemoryError',
          dirMarker,
          '-cp',
          cp,
          MONGO_MAIN_CLASS,
          '--port',
          String(options.mongoPort),
          '--bind',
          '127.0.0.1',
          '--backend',
          options.mongoBackend,
          ...storage,
        ],
      };
    },
    waitReady: (check) => waitForMongoProcess(url, options.readyTimeoutMs, paths.logFile, check),
  });
}
