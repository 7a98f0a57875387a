import { describe, expect, it } from '@jest/globals';
import { verifyCallerToken, type Caller } from '@courtyard/kernel';
import { cachedCallerSigner } from './caller-tokens.js';

const secret = 's'.repeat(40);
const desk: Caller = { subject: 'desk', role: 'FRONT_DESK', propertyIds: ['p1'] };

function setUp() {
  let at = Date.now();
  let signed = 0;
  const signer = cachedCallerSigner({
    secret,
    max: 10,
    reuseForMs: 30_000,
    now: () => at,
    sign: async (caller, key) => {
      signed += 1;
      const { signCallerToken } = await import('@courtyard/kernel');
      return signCallerToken(caller, key);
    },
  });
  return { signer, signed: () => signed, advance: (ms: number) => (at += ms) };
}

describe('cached caller signer', () => {
  it('signs a caller once per window and re-signs after it', async () => {
    const { signer, signed, advance } = setUp();
    const first = await signer(desk);
    expect(await signer({ ...desk, propertyIds: ['p1'] })).toBe(first);
    expect(signed()).toBe(1);
    advance(30_000);
    await signer(desk);
    expect(signed()).toBe(2);
    await expect(verifyCallerToken(first, secret)).resolves.toEqual(desk);
  });

  it('never gives one caller the token of another, whatever claim differs', async () => {
    const { signer } = setUp();
    const others: Caller[] = [
      { ...desk, subject: 'other' },
      { ...desk, role: 'GENERAL_MANAGER' },
      { ...desk, propertyIds: ['p1', 'p2'] },
      { ...desk, role: 'RESIDENT', residentId: 'r1' },
      { ...desk, role: 'PARTNER', partnerId: 'hotline' },
      { ...desk, name: 'Desk' },
    ];
    await signer(desk);
    for (const caller of others)
      await expect(verifyCallerToken(await signer(caller), secret)).resolves.toEqual(caller);
  });

  it('refuses a reuse window longer than half the token lifetime', () => {
    expect(() => cachedCallerSigner({ secret, max: 1, reuseForMs: 45_000 })).toThrow(TypeError);
  });
});
