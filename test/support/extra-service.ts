import { publishing, startNodeService } from '../../scripts/lib/processes.js';
import { envName, listSubgraphs, ROOT } from '../../scripts/lib/subgraphs.js';
import { TEST_LOG_DIR } from './test-env.js';

/**
 * A second instance of a subgraph beside the suite's platform, with its own port and database,
 * for tests that kill it, point it at another broker or inject a fault. Returned once its
 * consumers are started and it publishes, unless `waitForBroker` is false (a broker that is down).
 */
export const startExtraSubgraph = (
  name: string,
  label: string,
  port: number,
  env: NodeJS.ProcessEnv,
  { waitForBroker = true } = {},
) =>
  startNodeService({
    name: `${name}-${label}`,
    entry: `${ROOT}services/${name}/src/index.ts`,
    port,
    logFile: `${TEST_LOG_DIR}/${name}-${label}.log`,
    env: { ...process.env, PORT: String(port), OUTBOX_SWEEP_INTERVAL_MS: '500', ...env },
    ...(waitForBroker ? { readyWhen: publishing } : {}),
  });

/**
 * A second gateway in front of the suite's subgraphs (or others named in `env`), for tests
 * that change its mode (production), its keys (JWKS) or its view of a subgraph (down, slow).
 */
export const startExtraGateway = (label: string, port: number, env: NodeJS.ProcessEnv) =>
  startNodeService({
    name: `gateway-${label}`,
    entry: `${ROOT}gateway/src/index.ts`,
    port,
    logFile: `${TEST_LOG_DIR}/gateway-${label}.log`,
    env: {
      ...process.env,
      GATEWAY_PORT: String(port),
      ...suiteSubgraphRoutes(),
      ...env,
    },
  });

/** Routes a gateway to the suite's own instance of every subgraph in schema/supergraph.yaml. */
export const suiteSubgraphRoutes = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    listSubgraphs().map(({ name }) => [
      `SUBGRAPH_URL_${envName(name)}`,
      `${process.env[`TEST_SUBGRAPH_${envName(name)}`]}/graphql`,
    ]),
  );
