import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { gatewayEnv } from './config.js';
import { authenticate } from './auth.js';
import { issueAccessToken } from './token.js';

const config = gatewayEnv.parse({});
const issue = (
  claims: Parameters<typeof issueAccessToken>[0],
  options: Partial<Parameters<typeof issueAccessToken>[1]> = {},
) => issueAccessToken(claims, { secret: config.JWT_SECRET, ...options });
const reasonOf = async (authorization: string | undefined) => {
  try {
    await authenticate(authorization, config);
    return 'accepted';
  } catch (error) {
    return (error as { extensions: { code: string; reason: string } }).extensions.reason;
  }
};

describe('gateway authentication', () => {
  it('accepts a valid HS256 token and maps its claims to the caller', async () => {
    const token = await issue({ sub: 'u1', role: 'FRONT_DESK', properties: ['p1'], name: 'Desk' });
    await expect(authenticate(`Bearer ${token}`, config)).resolves.toEqual({
      subject: 'u1',
      role: 'FRONT_DESK',
      propertyIds: ['p1'],
      name: 'Desk',
    });
  });

  it('refuses missing, expired, foreign-audience, unknown-role and unsigned tokens', async () => {
    expect(await reasonOf(undefined)).toBe('MISSING_TOKEN');
    expect(await reasonOf('Basic abc')).toBe('MISSING_TOKEN');
    expect(
      await reasonOf(`Bearer ${await issue({ sub: 'u', role: 'FRONT_DESK' }, { expiresIn: '-1h' })}`),
    ).toBe('TOKEN_EXPIRED');
    expect(
      await reasonOf(`Bearer ${await issue({ sub: 'u', role: 'FRONT_DESK' }, { audience: 'other' })}`),
    ).toBe('INVALID_TOKEN');
    expect(await reasonOf(`Bearer ${await issue({ sub: 'u', role: 'JANITOR' })}`)).toBe('INVALID_CLAIMS');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u","role":"SYSTEM"}').toString('base64url')}.`;
    expect(await reasonOf(`Bearer ${none}`)).toBe('INVALID_TOKEN');
  });

  it('tolerates bounded clock skew only', async () => {
    expect(
      await reasonOf(`Bearer ${await issue({ sub: 'u', role: 'FRONT_DESK' }, { expiresIn: '-10s' })}`),
    ).toBe('accepted');
    expect(
      await reasonOf(`Bearer ${await issue({ sub: 'u', role: 'FRONT_DESK' }, { expiresIn: '-120s' })}`),
    ).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token issued in the future beyond the skew, or living longer than the bound', async () => {
    const secret = new TextEncoder().encode(config.JWT_SECRET);
    const at = (iat: number, exp: number) =>
      new SignJWT({ role: 'FRONT_DESK' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setIssuer(config.JWT_ISSUER)
        .setAudience(config.JWT_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(secret);
    const now = Math.floor(Date.now() / 1000);
    expect(await reasonOf(`Bearer ${await at(now + 10, now + 600)}`)).toBe('accepted');
    expect(await reasonOf(`Bearer ${await at(now + 3600, now + 7200)}`)).toBe('TOKEN_NOT_YET_VALID');
    expect(await reasonOf(`Bearer ${await at(now, now + 24 * 3600)}`)).toBe('accepted');
    expect(await reasonOf(`Bearer ${await at(now, now + 50 * 365 * 24 * 3600)}`)).toBe(
      'TOKEN_LIFETIME_TOO_LONG',
    );
    const withoutIat = await new SignJWT({ role: 'FRONT_DESK' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setExpirationTime(now + 600)
      .sign(secret);
    expect(await reasonOf(`Bearer ${withoutIat}`)).toBe('INVALID_TOKEN');
  });
});
