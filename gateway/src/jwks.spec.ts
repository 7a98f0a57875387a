import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KeySetServer, signingKey, signWith } from '../../test/support/key-set.js';
import { gatewayEnv, type GatewayConfig } from './config.js';
import { authenticate } from './auth.js';
import { issueAccessToken } from './token.js';

const outcome = (token: string, config: GatewayConfig) =>
  authenticate(`Bearer ${token}`, config).then(
    (caller) => caller.subject,
    (error: { extensions: { reason: string } }) => error.extensions.reason,
  );

describe('gateway authentication with a JWKS (production)', () => {
  const keySet = new KeySetServer();
  let config: GatewayConfig;
  let first: Awaited<ReturnType<typeof signingKey>>;
  let second: Awaited<ReturnType<typeof signingKey>>;

  beforeAll(async () => {
    const url = await keySet.start();
    config = gatewayEnv.parse({ JWT_JWKS_URL: url, JWT_JWKS_COOLDOWN_SECONDS: '0' });
    [first, second] = await Promise.all([signingKey('2026-11-a', 'RS256'), signingKey('2026-11-b', 'ES256')]);
    keySet.keys = [first.jwk];
  });
  afterAll(() => keySet.stop());

  it('accepts RS256 tokens signed by a published key, fetching the key set once', async () => {
    expect(await outcome(await signWith(first, { sub: 'desk-1', role: 'FRONT_DESK' }), config)).toBe(
      'desk-1',
    );
    expect(await outcome(await signWith(first, { sub: 'desk-2', role: 'FRONT_DESK' }), config)).toBe(
      'desk-2',
    );
    expect(keySet.fetches).toBe(1);
  });

  it('follows a key rotation: a token with a new key id refetches the set (ES256 here)', async () => {
    keySet.keys = [first.jwk, second.jwk];
    expect(await outcome(await signWith(second, { sub: 'tech-1', role: 'TECHNICIAN' }), config)).toBe(
      'tech-1',
    );
    expect(keySet.fetches).toBe(2);
  });

  it('refuses a retired key, a shared-secret token, a foreign audience and an unknown key', async () => {
    keySet.keys = [second.jwk];
    const retired = await signingKey('2026-11-a', 'RS256');
    expect(await outcome(await signWith(retired, { sub: 'x', role: 'SYSTEM' }), config)).toBe(
      'INVALID_TOKEN',
    );
    const hs256 = await issueAccessToken(
      { sub: 'x', role: 'SYSTEM' },
      { secret: gatewayEnv.parse({}).JWT_SECRET },
    );
    expect(await outcome(hs256, config)).toBe('INVALID_TOKEN');
    expect(await outcome(await signWith(second, { sub: 'x', role: 'SYSTEM' }, 'other'), config)).toBe(
      'INVALID_TOKEN',
    );
    const stranger = await signingKey('not-published', 'ES256');
    expect(await outcome(await signWith(stranger, { sub: 'x', role: 'SYSTEM' }), config)).toBe(
      'INVALID_TOKEN',
    );
  });
});
