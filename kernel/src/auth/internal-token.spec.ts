import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { signCallerToken, verifyCallerToken } from './internal-token.js';

const secret = 'a-test-secret-that-is-long-enough-0000000';

describe('caller token between gateway and subgraphs', () => {
  const caller = { subject: 'desk-1', role: 'FRONT_DESK' as const, propertyIds: ['p1', 'p2'], name: 'Desk' };

  it('round-trips the verified caller', async () => {
    expect(await verifyCallerToken(await signCallerToken(caller, secret), secret)).toEqual(caller);
  });

  it('refuses a missing token, another secret, and a tampered payload', async () => {
    await expect(verifyCallerToken(undefined, secret)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'MISSING_CALLER',
    });
    await expect(
      verifyCallerToken(await signCallerToken(caller, `${secret}x`), secret),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CALLER',
    });
    const [header, , signature] = (await signCallerToken(caller, secret)).split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'SYSTEM', propertyIds: ['*'], sub: 'x' })).toString(
      'base64url',
    );
    await expect(verifyCallerToken(`${header}.${forged}.${signature}`, secret)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('verified caller tokens are kept until they expire', () => {
  const caller = { subject: 'desk-2', role: 'FRONT_DESK' as const, propertyIds: ['p1'] };
  afterEach(() => {
    jest.useRealTimers();
  });

  it('serves a token verified before, refuses it under another secret, and once it has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T03:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = await signCallerToken(caller, secret);
    expect(await verifyCallerToken(token, secret)).toEqual(caller);
    // Kept: the same token again is the same caller (frozen: shared by every request sending it).
    const again = await verifyCallerToken(token, secret);
    expect(again).toEqual(caller);
    expect(Object.isFrozen(again) && Object.isFrozen(again.propertyIds)).toBe(true);
    // Kept per secret: the token passed under this one only.
    await expect(verifyCallerToken(token, `${secret}-rotated`)).rejects.toMatchObject({
      reason: 'INVALID_CALLER',
    });
    // 60 s lifetime and 5 s leeway: still good at +64 s, refused at +66 s though it was kept.
    jest.setSystemTime(new Date('2026-12-02T03:01:04Z'));
    expect(await verifyCallerToken(token, secret)).toEqual(caller);
    jest.setSystemTime(new Date('2026-12-02T03:01:06Z'));
    await expect(verifyCallerToken(token, secret)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CALLER',
    });
  });
});
