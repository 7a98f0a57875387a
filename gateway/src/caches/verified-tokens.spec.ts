import { describe, expect, it } from '@jest/globals';
import { gatewayEnv } from '../config.js';
import { authenticate } from '../auth.js';
import { issueAccessToken } from '../token.js';
import { verifiedTokenCache } from './verified-tokens.js';

const config = gatewayEnv.parse({});
/** A clock the test moves; the token cache and the verifier both read it. */
const clock = () => {
  let at = Date.now();
  return { now: () => at, advance: (ms: number) => (at += ms) };
};
const issue = (sub: string, role = 'FRONT_DESK', expiresIn = '60s') =>
  issueAccessToken({ sub, role, properties: ['p1'] }, { secret: config.JWT_SECRET, expiresIn });
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { extensions: { reason: string } }) => error.extensions.reason,
  );

describe('verified-token cache', () => {
  it('answers a token verified before without verifying it again', async () => {
    const time = clock();
    const tokens = verifiedTokenCache({ max: 10, now: time.now });
    const token = await issue('u1');
    const first = await authenticate(`Bearer ${token}`, config, tokens, time.now);
    expect(tokens.get(token)).toEqual(first);
    // A different secret would refuse the token: an answer now can only come from the cache.
    const otherSecret = gatewayEnv.parse({ JWT_SECRET: 'x'.repeat(40) });
    await expect(authenticate(`Bearer ${token}`, otherSecret, tokens, time.now)).resolves.toEqual(first);
  });

  it('refuses an expired token even when it was cached', async () => {
    const time = clock();
    const tokens = verifiedTokenCache({ max: 10, now: time.now });
    const token = await issue('u1');
    expect(await reasonOf(authenticate(`Bearer ${token}`, config, tokens, time.now))).toBe('accepted');
    time.advance(61_000);
    // Past exp the cache no longer answers; within the clock tolerance the verifier still
    // accepts, and nothing past exp is held again.
    expect(tokens.get(token)).toBeUndefined();
    expect(await reasonOf(authenticate(`Bearer ${token}`, config, tokens, time.now))).toBe('accepted');
    expect(tokens.get(token)).toBeUndefined();
    time.advance((config.JWT_CLOCK_TOLERANCE_SECONDS + 1) * 1000);
    expect(await reasonOf(authenticate(`Bearer ${token}`, config, tokens, time.now))).toBe('TOKEN_EXPIRED');
  });

  it('keys by the token: two callers never get each other', async () => {
    const time = clock();
    const tokens = verifiedTokenCache({ max: 10, now: time.now });
    const desk = await issue('desk', 'FRONT_DESK');
    const resident = await issue('resident', 'RESIDENT');
    await authenticate(`Bearer ${desk}`, config, tokens, time.now);
    await expect(authenticate(`Bearer ${resident}`, config, tokens, time.now)).resolves.toMatchObject({
      subject: 'resident',
      role: 'RESIDENT',
    });
    expect(tokens.get(desk)).toMatchObject({ subject: 'desk', role: 'FRONT_DESK' });
  });

  it('never holds a refusal, and stays within its bound', async () => {
    const time = clock();
    const tokens = verifiedTokenCache({ max: 2, now: time.now });
    const forged = await issueAccessToken({ sub: 'u', role: 'SYSTEM' }, { secret: 'y'.repeat(40) });
    expect(await reasonOf(authenticate(`Bearer ${forged}`, config, tokens, time.now))).toBe('INVALID_TOKEN');
    expect(tokens.get(forged)).toBeUndefined();
    const [a, b, c] = await Promise.all([issue('a'), issue('b'), issue('c')]);
    for (const token of [a, b, c]) await authenticate(`Bearer ${token}`, config, tokens, time.now);
    expect(tokens.get(a)).toBeUndefined();
    expect(tokens.get(c)).toMatchObject({ subject: 'c' });
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => verifiedTokenCache({ max: 0 })).toThrow(TypeError);
  });
});
