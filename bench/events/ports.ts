import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * The bench's own servers, shifted by COURTYARD_TEST_SLOT (N*200, as the tests do) so that
 * engineers benchmarking side by side never share a broker, a database or a port.
 */
const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('COURTYARD_TEST_SLOT must be 0 to 9');
const shift = slot * 200;

export const BENCH_DIR = `${ROOT}.infra/bench-events${slot === 0 ? '' : `-${slot}`}`;
export const BENCH_INFRA_ENV = {
  COURTYARD_INFRA_DIR: BENCH_DIR,
  KAFKA_PORT: String(29292 + shift),
  KAFKA_CONTROLLER_PORT: String(29293 + shift),
  MONGO_PORT: String(28217 + shift),
  // The tests' backend. `npm start`'s h2 backend fails concurrent updates of one document under
  // this load ("Expected one element but got zero"); MONGO_BACKEND=h2 measures it all the same.
  MONGO_BACKEND: process.env.MONGO_BACKEND ?? 'memory',
};
export const BENCH_GATEWAY_PORT = 24200 + shift;
export const BENCH_PORT_OFFSET = 20200 + shift;
