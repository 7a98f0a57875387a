import { describe, expect, it } from '@jest/globals';
import type { Caller } from '../domain/caller.js';
import { isDatabaseUnavailable } from '../errors.js';
import { idempotencyKeyOf, idempotencyScopeOf, idsForKey } from './key.js';
import { fingerprintOf } from './plugin.js';

const desk: Caller = { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] };
const other: Caller = { subject: 'desk-2', role: 'FRONT_DESK', propertyIds: ['p1'] };
const take = (ids: () => string, n: number) => Array.from({ length: n }, ids);

describe('idempotency keys', () => {
  it('accepts 8 to 128 printable ASCII characters and refuses the rest with a stable reason', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
    expect(idempotencyKeyOf('abcdefgh')).toBe('abcdefgh');
    expect(idempotencyKeyOf('k'.repeat(128))).toBe('k'.repeat(128));
    for (const bad of ['short', 'k'.repeat(129), 'has space', 'nul\u0000nul', 'ключ-ключ-ключ', '']) {
      expect(() => idempotencyKeyOf(bad)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_INVALID' }),
        }) as unknown as Error,
      );
    }
  });

  it('derives the same ids for the same subgraph, caller and key, and others for any other', () => {
    const first = take(idsForKey('residents', desk, 'key-00000001'), 3);
    expect(take(idsForKey('residents', desk, 'key-00000001'), 3)).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const id of first)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(take(idsForKey('residents', other, 'key-00000001'), 1)).not.toEqual(first.slice(0, 1));
    expect(take(idsForKey('facilities', desk, 'key-00000001'), 1)).not.toEqual(first.slice(0, 1));
    expect(take(idsForKey('residents', desk, 'key-00000002'), 1)).not.toEqual(first.slice(0, 1));
  });

  it('scopes keys per caller', () => {
    expect(idempotencyScopeOf(desk, 'key-00000001')).toBe(idempotencyScopeOf(desk, 'key-00000001'));
    expect(idempotencyScopeOf(desk, 'key-00000001')).not.toBe(idempotencyScopeOf(other, 'key-00000001'));
    // No separator trick: ("a:b", "c") and ("a", "b:c") are different scopes.
    expect(idempotencyScopeOf({ ...desk, subject: 'a:b' }, 'c-000000')).not.toBe(
      idempotencyScopeOf({ ...desk, subject: 'a' }, 'b:c-000000'),
    );
  });

  it('fingerprints a request by its text, name and variables, whatever the order of their keys', () => {
    const query = 'mutation M($input: I!) { m(input: $input) { id } }';
    const a = fingerprintOf(query, 'M', { input: { name: 'x', phone: '1' } });
    expect(fingerprintOf(query, 'M', { input: { phone: '1', name: 'x' } })).toBe(a);
    expect(fingerprintOf(query, 'M', { input: { phone: '2', name: 'x' } })).not.toBe(a);
    expect(fingerprintOf(query, null, { input: { phone: '1', name: 'x' } })).not.toBe(a);
    expect(fingerprintOf(`${query} `, 'M', { input: { phone: '1', name: 'x' } })).not.toBe(a);
  });
});

describe('an unreachable database', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it('is told from other failures, also when wrapped', () => {
    expect(isDatabaseUnavailable(named('MongoServerSelectionError'))).toBe(true);
    expect(isDatabaseUnavailable(named('MongoNetworkError'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('loader', { cause: named('MongoPoolClearedError') }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('graphql'), { originalError: named('MongoNotConnectedError') }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(named('MongoServerError'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
