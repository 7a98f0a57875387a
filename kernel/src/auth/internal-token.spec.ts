import { describe, expect, it } from '@jest/globals';
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
