import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * Where the gateway bench runs: its own infrastructure directory and ports, shifted by
 * COURTYARD_TEST_SLOT (N*200, as the test suites are) and clear of the suite's own ports, so it
 * runs beside another engineer's tests or `npm start`.
 */
const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('COURTYARD_TEST_SLOT must be 0 to 9');
const shift = slot * 200;

export const BENCH_DIR = `${ROOT}.infra/bench-gateway${slot === 0 ? '' : `-${slot}`}`;
export const BENCH_INFRA_ENV = {
  COURTYARD_INFRA_DIR: BENCH_DIR,
  KAFKA_PORT: String(19142 + shift),
  KAFKA_CONTROLLER_PORT: String(19143 + shift),
  MONGO_PORT: String(27167 + shift),
  MONGO_BACKEND: 'memory',
} as const;
/** Subgraphs listen on their routing port plus this (14051 to 14055 at slot 0). */
export const SUBGRAPH_OFFSET = 10050 + shift;
export const GATEWAY_PORTS = {
  courtyard: 14060 + shift,
  /** A second Courtyard gateway with GATEWAY_RESPONSE_CACHE=on, beside the one without. */
  courtyardCached: 14064 + shift,
  apollo: 14061 + shift,
  hive: 14062 + shift,
  hiveRouter: 14063 + shift,
} as const;
