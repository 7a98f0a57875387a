import { describe, expect, it } from '@jest/globals';
import { ResponseStore } from './store.js';

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};
const answer = (n: number) => ({ answer: { n }, bytes: 10 });
const storeWith = (now: () => number, extra: Partial<{ maxEntries: number; maxBytes: number }> = {}) =>
  new ResponseStore<{ n: number }>({ maxEntries: 100, maxBytes: 10_000, maxAgeMs: 3000, now, ...extra });

describe('response store: invalidation by the subgraphs an answer came from', () => {
  it('serves a held answer until a write to one of its subgraphs, and only those', () => {
    const { now } = clock();
    const store = storeWith(now);
    expect(store.store('board', store.begin(), ['work-orders'], answer(1))).toBe(true);
    expect(store.store('join', store.begin(), ['work-orders', 'residents'], answer(2))).toBe(true);
    expect(store.store('units', store.begin(), ['residents'], answer(3))).toBe(true);
    expect(store.get('board')).toEqual({ n: 1 });

    store.invalidate('residents');
    expect(store.get('board')).toEqual({ n: 1 });
    expect(store.get('join')).toBeUndefined();
    expect(store.get('units')).toBeUndefined();

    store.invalidate('work-orders');
    expect(store.get('board')).toBeUndefined();
  });

  it('never holds what a read brought back when its subgraph was written to while it was in flight', () => {
    const { now } = clock();
    const store = storeWith(now);
    const start = store.begin();
    // The mutation's (or the event's) invalidation lands before the slow read comes back.
    store.invalidate('work-orders');
    expect(store.store('board', start, ['work-orders'], answer(1))).toBe(false);
    expect(store.get('board')).toBeUndefined();
    // A write elsewhere does not matter to it.
    const again = store.begin();
    store.invalidate('billing');
    expect(store.store('board', again, ['work-orders'], answer(2))).toBe(true);
    expect(store.get('board')).toEqual({ n: 2 });
  });

  it('serves an answer no longer than the maximum age, counted from when its read began', () => {
    const { now, advance } = clock();
    const store = storeWith(now);
    const start = store.begin();
    advance(1000);
    store.store('board', start, ['work-orders'], answer(1));
    advance(1999);
    expect(store.get('board')).toEqual({ n: 1 });
    advance(1);
    expect(store.get('board')).toBeUndefined();
    // A read that took longer than the maximum age is not held at all.
    const slow = store.begin();
    advance(3000);
    expect(store.store('board', slow, ['work-orders'], answer(2))).toBe(false);
  });

  it('drops everything on clear, reads in flight too', () => {
    const { now } = clock();
    const store = storeWith(now);
    store.store('a', store.begin(), ['residents'], answer(1));
    const inFlight = store.begin();
    store.clear();
    expect(store.get('a')).toBeUndefined();
    expect(store.store('b', inFlight, ['residents'], answer(2))).toBe(false);
    expect(store.store('b', store.begin(), ['residents'], answer(3))).toBe(true);
  });

  it('holds nothing that came from no subgraph (nothing would ever end it but age)', () => {
    const store = storeWith(clock().now);
    expect(store.store('typename', store.begin(), [], answer(1))).toBe(false);
  });

  it('is bounded by entries and by bytes, the least recently used going first', () => {
    const store = storeWith(clock().now, { maxEntries: 2, maxBytes: 25 });
    store.store('a', store.begin(), ['s'], answer(1));
    store.store('b', store.begin(), ['s'], answer(2));
    store.get('a');
    store.store('c', store.begin(), ['s'], answer(3));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toEqual({ n: 1 });
    expect(store.size).toBe(2);
    // Larger than the whole budget: not held.
    expect(store.store('big', store.begin(), ['s'], { answer: { n: 4 }, bytes: 26 })).toBe(false);
  });

  it('refuses bounds that are not positive integers', () => {
    expect(() => new ResponseStore({ maxEntries: 0, maxBytes: 1, maxAgeMs: 1 })).toThrow(TypeError);
    expect(() => new ResponseStore({ maxEntries: 1, maxBytes: 1, maxAgeMs: 0.5 })).toThrow(/maxAgeMs/);
  });
});
