import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { infraDown, infraUp, loadInfraOptions } from '@courtyard/infra';
import { startPlatform, type Platform } from '../../scripts/lib/platform.js';
import { startNodeService } from '../../scripts/lib/processes.js';
import { envName, listSubgraphs, ROOT } from '../../scripts/lib/subgraphs.js';
import { BENCH_DIR, BENCH_INFRA_ENV, GATEWAY_PORTS, SUBGRAPH_OFFSET } from './ports.js';

/**
 * What the gateway benches stand on: their own infrastructure (COURTYARD_TEST_SLOT-aware), the
 * five subgraphs and Courtyard's gateway under fresh secrets, and the cleanups that stop it all
 * in reverse order (a bench pushes what it starts after; `cleanUp` in its `finally`).
 */
export async function startGatewayBenchPlatform(log: (line: string) => void) {
  rmSync(BENCH_DIR, { recursive: true, force: true });
  mkdirSync(`${BENCH_DIR}/logs`, { recursive: true });
  const infraOptions = loadInfraOptions({ ...process.env, ...BENCH_INFRA_ENV });
  const endpoints = await infraUp(infraOptions, (line) => log(`[infra] ${line}`));
  const cleanups: Array<() => Promise<void>> = [async () => void (await infraDown(infraOptions))];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(String(error)));
  };
  try {
    const secrets = {
      INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
    const start = () =>
      startPlatform({
        mongoUrl: endpoints.mongoUrl,
        kafkaBrokers: endpoints.kafkaBrokers,
        gatewayPort: GATEWAY_PORTS.courtyard,
        portOffset: SUBGRAPH_OFFSET,
        logDir: `${BENCH_DIR}/logs`,
        env: { NODE_ENV: 'test', ...secrets },
      });
    // A broker just formatted may not yet host the topics a subgraph asks for (kafkajs:
    // UNKNOWN_TOPIC_OR_PARTITION at start-up): one more try, as an operator would.
    const platform = await start().catch((error: unknown) => {
      log(`platform start failed once (${String(error).slice(0, 200)}); trying again`);
      return start();
    });
    cleanups.push(() => platform.stop());
    return { platform, secrets, cleanups, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * One more Courtyard gateway on the platform's running subgraphs (`root`: another checkout's
 * code, e.g. a baseline copy), stopped with the platform's cleanups.
 */
export async function startExtraGateway(
  bench: { platform: Platform; cleanups: Array<() => Promise<void>> },
  options: { name: string; port: number; root?: string; env?: Record<string, string>; nodeArgs?: string[] },
) {
  const { platform } = bench;
  const service = await startNodeService({
    name: options.name,
    entry: `${options.root ?? ROOT}gateway/src/index.ts`,
    port: options.port,
    logFile: `${BENCH_DIR}/logs/${options.name}.log`,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    env: {
      ...platform.env,
      GATEWAY_PORT: String(options.port),
      ...options.env,
      ...Object.fromEntries(
        listSubgraphs().map(({ name }) => [
          `SUBGRAPH_URL_${envName(name)}`,
          platform.subgraphs.get(name)!.url,
        ]),
      ),
    },
  });
  bench.cleanups.push(() => service.stop());
  return service;
}
