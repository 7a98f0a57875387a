import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * Several suites may run side by side on one machine (parallel worktrees, a developer's shell
 * beside CI): COURTYARD_TEST_SLOT=N shifts every port by N*200 and uses its own directory.
 */
const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('COURTYARD_TEST_SLOT must be 0 to 9');
const shift = slot * 200;
const port = (base: number) => String(base + shift);

export const TEST_DIR = `${ROOT}.infra/test${slot === 0 ? '' : `-${slot}`}`;

/** The integration suite's own infrastructure: beside, never on top of, a running `npm start`. */
export const TEST_INFRA_ENV = {
  COURTYARD_INFRA_DIR: TEST_DIR,
  KAFKA_PORT: port(19092),
  KAFKA_CONTROLLER_PORT: port(19093),
  MONGO_PORT: port(27117),
  MONGO_BACKEND: 'memory',
} as const;

export const TEST_GATEWAY_PORT = 14000 + shift;
export const TEST_PORT_OFFSET = 10000 + shift;
export const TEST_LOG_DIR = `${TEST_DIR}/logs`;

/** A port for a test's own extra server (100 to 199 above the suite's gateway). */
export const testPort = (n: number): number => TEST_GATEWAY_PORT + 100 + n;
/** Ports and a directory for a test's own second broker. */
export const testKafkaPorts = () => ({ KAFKA_PORT: port(19192), KAFKA_CONTROLLER_PORT: port(19193) });
