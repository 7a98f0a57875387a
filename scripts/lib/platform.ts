import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_INTERNAL_AUTH_SECRET } from '@courtyard/kernel';
import { DEV_JWT_SECRET } from '../../gateway/src/config.js';
import { publishing, startNodeService, type NodeService } from './processes.js';
import { listSubgraphs, ROOT } from './subgraphs.js';

export interface PlatformOptions {
  mongoUrl: string;
  kafkaBrokers: string[];
  gatewayPort: number;
  /** Added to each subgraph's routing port, so a test platform runs beside `npm start`. */
  portOffset: number;
  logDir: string;
  env?: NodeJS.ProcessEnv;
  /** Runs every process under `node --cpu-prof`, each writing its profile to <dir>/<name> when it stops (benchmarks). */
  cpuProfileDir?: string;
}

export interface Platform {
  gatewayUrl: string;
  gateway: NodeService;
  subgraphs: Map<string, NodeService>;
  /** The environment every process got (secrets, endpoints); tests reuse it. */
  env: NodeJS.ProcessEnv;
  subgraphEnv(
    name: string,
    extra?: NodeJS.ProcessEnv,
  ): { env: NodeJS.ProcessEnv; port: number; entry: string };
  stop(): Promise<void>;
}

/** Starts every subgraph listed in schema/supergraph.yaml, then the gateway in front of them. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  mkdirSync(options.logDir, { recursive: true });
  const subgraphs = listSubgraphs();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INTERNAL_AUTH_SECRET: process.env.INTERNAL_AUTH_SECRET ?? DEV_INTERNAL_AUTH_SECRET,
    JWT_SECRET: process.env.JWT_SECRET ?? DEV_JWT_SECRET,
    MONGO_URL: options.mongoUrl,
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    ...options.env,
  };
  const profiled = (name: string) =>
    options.cpuProfileDir
      ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfileDir, name)}`] }
      : {};
  const subgraphEnv = (name: string, extra: NodeJS.ProcessEnv = {}) => {
    const subgraph = subgraphs.find((s) => s.name === name);
    if (!subgraph) throw new Error(`unknown subgraph ${name}`);
    const port = subgraph.port + options.portOffset;
    return { env: { ...env, PORT: String(port), ...extra }, port, entry: subgraph.entry };
  };

  const started = new Map<string, NodeService>();
  try {
    // allSettled, not all: when one subgraph fails to start, the others still starting must be
    // waited for and stopped too, or they outlive this call holding their ports.
    const starts = await Promise.allSettled(
      subgraphs.map(async ({ name }) => {
        const { env: serviceEnv, port, entry } = subgraphEnv(name);
        started.set(
          name,
          await startNodeService({
            name,
            entry,
            port,
            env: serviceEnv,
            ...profiled(name),
            logFile: join(options.logDir, `${name}.log`),
            // With its events flowing and its consumers started, as before a subgraph could start
            // without its broker: the gateway and the tests come after.
            readyWhen: publishing,
          }),
        );
      }),
    );
    const failed = starts.find((start): start is PromiseRejectedResult => start.status === 'rejected');
    if (failed) throw failed.reason;
    const gateway = await startNodeService({
      name: 'gateway',
      entry: join(ROOT, 'gateway/src/index.ts'),
      port: options.gatewayPort,
      logFile: join(options.logDir, 'gateway.log'),
      ...profiled('gateway'),
      env: {
        ...env,
        GATEWAY_PORT: String(options.gatewayPort),
        ...Object.fromEntries(
          subgraphs.map(({ name }) => [
            `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`,
            started.get(name)!.url,
          ]),
        ),
      },
    });
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs: started,
      env,
      subgraphEnv,
      async stop() {
        await gateway.stop();
        await Promise.all([...started.values()].map((service) => service.stop()));
      },
    };
  } catch (error) {
    await Promise.all([...started.values()].map((service) => service.stop()));
    throw error;
  }
}
