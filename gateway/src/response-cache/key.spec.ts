import { describe, expect, it } from '@jest/globals';
import type { Caller } from '@courtyard/kernel';
import { callerScopeOf, canonicalJson, responseKey } from './key.js';

const desk = (properties: string[], extra: Partial<Caller> = {}): Caller => ({
  subject: 'desk-1',
  role: 'FRONT_DESK',
  propertyIds: properties,
  ...extra,
});
const key = (caller: Caller, variables: Record<string, unknown> = { p: 'A' }, queryHash = 'h1') =>
  responseKey({ callerScope: callerScopeOf(caller), queryHash, operationName: 'Board', variables });

describe('response cache key', () => {
  it('differs for callers differing in any claim: subject, role, properties, resident, partner, name', () => {
    const base = key(desk(['A']));
    expect(key(desk(['A']))).toBe(base);
    expect(key(desk(['B']))).not.toBe(base);
    expect(key(desk(['A', 'B']))).not.toBe(base);
    expect(key(desk(['A'], { subject: 'desk-2' }))).not.toBe(base);
    expect(key(desk(['A'], { role: 'GENERAL_MANAGER' }))).not.toBe(base);
    expect(key(desk(['A'], { residentId: 'r1' }))).not.toBe(base);
    expect(key(desk(['A'], { partnerId: 'p1' }))).not.toBe(base);
    expect(key(desk(['A'], { name: 'Li' }))).not.toBe(base);
  });

  it('is one key for the same variables in any key order, another for other variables or documents', () => {
    const caller = desk(['A']);
    expect(key(caller, { p: 'A', n: 2, f: { b: 1, a: [1, { y: 2, x: 1 }] } })).toBe(
      key(caller, { f: { a: [1, { x: 1, y: 2 }], b: 1 }, n: 2, p: 'A' }),
    );
    expect(key(caller, { p: 'A', n: 2 })).not.toBe(key(caller, { p: 'A', n: 3 }));
    expect(key(caller, { p: 'A' }, 'h1')).not.toBe(key(caller, { p: 'A' }, 'h2'));
    // Order inside a list is meaning, not form.
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
