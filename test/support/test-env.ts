import { ROOT } from '../../scripts/lib/subgraphs.js';

/** The integration suite's own infrastructure: beside, never on top of, a running `npm start`. */
export const TEST_INFRA_ENV = {
  COURTYARD_INFRA_DIR: `${ROOT}.infra/test`,
  KAFKA_PORT: '19092',
  KAFKA_CONTROLLER_PORT: '19093',
  MONGO_PORT: '27117',
  MONGO_BACKEND: 'memory',
} as const;

export const TEST_GATEWAY_PORT = 14000;
export const TEST_PORT_OFFSET = 10000;
export const TEST_LOG_DIR = `${ROOT}.infra/test/logs`;
