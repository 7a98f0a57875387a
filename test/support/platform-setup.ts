import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraUp, loadInfraOptions } from '@courtyard/infra';
import { startPlatform } from '../../scripts/lib/platform.js';
import { envName } from '../../scripts/lib/subgraphs.js';
import { TEST_GATEWAY_PORT, TEST_INFRA_ENV, TEST_LOG_DIR, TEST_PORT_OFFSET } from './test-env.js';

/**
 * Real servers for the integration project: Kafka and the MongoDB-wire server (or MONGO_URL and
 * KAFKA_BROKERS when given), every subgraph, and the gateway. Tests reach them through env.
 */
export async function setUpPlatform(): Promise<void> {
  const options = loadInfraOptions({ ...process.env, ...TEST_INFRA_ENV });
  const endpoints = await infraUp(options, (line) => process.stderr.write(`[infra] ${line}\n`));
  const platform = await startPlatform({
    mongoUrl: endpoints.mongoUrl,
    kafkaBrokers: endpoints.kafkaBrokers,
    gatewayPort: TEST_GATEWAY_PORT,
    portOffset: TEST_PORT_OFFSET,
    logDir: TEST_LOG_DIR,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      OUTBOX_SWEEP_INTERVAL_MS: '2000',
      // Time-driven work-orders behaviour is tested with an injected clock (SlaScheduler.tick), not the wall clock.
      SLA_SCAN_INTERVAL_MS: '0',
      // …and so is the facilities maintenance scheduler (MaintenanceScheduler.tick).
      MAINTENANCE_SCAN_INTERVAL_MS: '0',
      REGISTER_JOB_INTERVAL_MS: '0',
      SLA_REPORT_DUE_INTERVAL_MS: '0',
      // Fresh secrets per run, as production has its own: nothing may pass on the dev defaults.
      INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      PARTNERS_PATH: partnersWithoutRateLimits(),
    },
  });
  Object.assign(process.env, {
    GATEWAY_URL: platform.gatewayUrl,
    MONGO_URL: endpoints.mongoUrl,
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    INTERNAL_AUTH_SECRET: platform.env.INTERNAL_AUTH_SECRET,
    JWT_SECRET: platform.env.JWT_SECRET,
    ...Object.fromEntries(
      [...platform.subgraphs].map(([name, s]) => [`TEST_SUBGRAPH_${envName(name)}`, s.baseUrl]),
    ),
  });
  (globalThis as { __courtyardTeardown?: () => Promise<void> }).__courtyardTeardown = async () => {
    await platform.stop();
    if (!endpoints.external) {
      const { infraDown } = await import('@courtyard/infra');
      await infraDown(options);
    }
  };
}

export async function tearDownPlatform(): Promise<void> {
  await (globalThis as { __courtyardTeardown?: () => Promise<void> }).__courtyardTeardown?.();
}

/**
 * The registered partners with their per-minute budgets lifted: one gateway serves every suite
 * within a few minutes, and the authorisation matrix alone sends a partner call per root field
 * (more than the hotline's 120 a minute). The budget itself is tested in
 * gateway/src/persisted/gate.spec.ts; the operations each partner is granted stay as registered.
 */
function partnersWithoutRateLimits(): string {
  const registry = JSON.parse(
    readFileSync(new URL('../../schema/partners.json', import.meta.url), 'utf8'),
  ) as { partners: Record<string, { requestsPerMinute: number }> };
  for (const partner of Object.values(registry.partners)) partner.requestsPerMinute = 100_000;
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  const path = join(TEST_LOG_DIR, 'partners.json');
  writeFileSync(path, JSON.stringify(registry, null, 2));
  return path;
}
