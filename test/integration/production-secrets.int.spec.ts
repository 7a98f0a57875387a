import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DEV_INTERNAL_AUTH_SECRET, DEV_JWT_SECRET } from '@courtyard/kernel';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { testPort } from '../support/test-env.js';

const PRODUCTION = { NODE_ENV: 'production' };
const strong = () => randomBytes(32).toString('hex');

describe('production refuses publicly known and weak secrets at start-up', () => {
  it('a subgraph with the development internal secret does not start, and says why', async () => {
    await expect(
      startExtraSubgraph('residents', 'known-secret', testPort(60), {
        ...PRODUCTION,
        INTERNAL_AUTH_SECRET: DEV_INTERNAL_AUTH_SECRET,
      }),
    ).rejects.toThrow(/exited during start-up[\s\S]*INTERNAL_AUTH_SECRET: is a publicly known secret/);
  });

  it('a subgraph with a weak internal secret does not start', async () => {
    await expect(
      startExtraSubgraph('work-orders', 'weak-secret', testPort(61), {
        ...PRODUCTION,
        INTERNAL_AUTH_SECRET: '0'.repeat(40),
      }),
    ).rejects.toThrow(/INTERNAL_AUTH_SECRET: is too weak/);
  });

  it('a gateway with the secrets docker-compose used to fall back to does not start, and names both', async () => {
    await expect(
      startExtraGateway('known-secrets', testPort(62), {
        ...PRODUCTION,
        INTERNAL_AUTH_SECRET: 'compose-internal-secret-change-me-00000000',
        JWT_SECRET: 'compose-jwt-secret-change-me-000000000000000',
      }),
    ).rejects.toThrow(
      /INTERNAL_AUTH_SECRET: is a publicly known secret[\s\S]*JWT_SECRET: is a publicly known secret/,
    );
  });

  it('a gateway with the development JWT secret does not start', async () => {
    await expect(
      startExtraGateway('dev-jwt', testPort(63), {
        ...PRODUCTION,
        INTERNAL_AUTH_SECRET: strong(),
        JWT_SECRET: DEV_JWT_SECRET,
      }),
    ).rejects.toThrow(/JWT_SECRET: is a publicly known secret/);
  });
});
