import { describe, expect, it } from '@jest/globals';
import type { mongo } from 'mongoose';
import {
  abandonNumber,
  expiredReservations,
  releaseNumber,
  reserveNumber,
  type ReservedCounter,
} from './reserved-sequence.js';

type Doc = Record<string, unknown>;

/** Reads a dotted path (`reservations.n1.holder`) of a document. */
const read = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Doc | undefined)?.[key], doc);
/** Dates by value (`instanceof` fails across jest's realms for structuredClone'd dates). */
const timeOf = (value: unknown) =>
  typeof (value as Date | null)?.getTime === 'function' ? (value as Date).getTime() : value;
const same = (a: unknown, b: unknown) => timeOf(a) === timeOf(b);

/**
 * The part of a collection the counter uses, in memory: equality filters on dotted paths, `$set`
 * and `$unset` of dotted paths, a duplicate `_id` refused. Enough to test the decisions; the
 * same flows run against the real wire server in test/integration/help-request-numbers.int.spec.ts.
 */
function fakeDb(counters = new Map<string, Doc>()): {
  db: mongo.Db;
  counters: Map<string, Doc>;
  calls: Record<'findOne' | 'insertOne' | 'updateOne', number>;
} {
  const calls = { findOne: 0, insertOne: 0, updateOne: 0 };
  const write = (doc: Doc, path: string, value: unknown) => {
    const keys = path.split('.');
    const last = keys.pop()!;
    let at = doc;
    for (const key of keys) at = (at[key] ??= {}) as Doc;
    if (value === undefined) delete at[last];
    else at[last] = value;
  };
  const collection = {
    findOne: async ({ _id }: { _id: string }) => {
      calls.findOne += 1;
      return structuredClone(counters.get(_id) ?? null);
    },
    insertOne: async (doc: Doc) => {
      calls.insertOne += 1;
      if (counters.has(doc._id as string)) throw Object.assign(new Error('E11000'), { code: 11000 });
      counters.set(doc._id as string, structuredClone(doc));
    },
    updateOne: async (filter: Doc, update: { $set?: Doc; $unset?: Doc }) => {
      calls.updateOne += 1;
      const doc = counters.get(filter._id as string);
      if (!doc || !Object.entries(filter).every(([path, value]) => same(read(doc, path), value)))
        return { matchedCount: 0 };
      for (const [path, value] of Object.entries(update.$set ?? {})) write(doc, path, structuredClone(value));
      for (const path of Object.keys(update.$unset ?? {})) write(doc, path, undefined);
      return { matchedCount: 1 };
    },
  };
  // A new db object per call: each stands for a process (its own queue and known value).
  return { db: { collection: () => collection } as unknown as mongo.Db, counters, calls };
}

const LEASE = 60_000;
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 0, 0, seconds));

describe('a gap-free counter with reservations (injected clock)', () => {
  it('hands out 1, 2, 3 and forgets each reservation once its record is written', async () => {
    const { db, counters } = fakeDb();
    const options = { now: at(0), leaseMs: LEASE, isHeld: async () => false };
    const taken = [];
    for (let i = 0; i < 3; i += 1) taken.push(await reserveNumber(db, 'c', options));
    expect(taken.map((r) => [r.number, r.reissued])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(Object.keys((counters.get('c') as unknown as ReservedCounter).reservations!)).toEqual([
      'n1',
      'n2',
      'n3',
    ]);
    for (const reservation of taken) await releaseNumber(db, reservation);
    expect(counters.get('c')).toEqual({ _id: 'c', value: 3, reservations: {} });
  });

  it('issues a number again only after its lease, and only if no record holds it', async () => {
    const { db } = fakeDb();
    const held = new Set<number>();
    const take = (seconds: number) =>
      reserveNumber(db, 'c', { now: at(seconds), leaseMs: LEASE, isHeld: async (n) => held.has(n) });
    const one = await take(0); // its insert fails, and the process dies before saying so
    const two = await take(1);
    held.add(two.number);
    await releaseNumber(db, two);

    expect((await take(59)).number).toBe(3); // still within one's lease: a new number
    held.add(3);
    const again = await take(60); // one's lease is over and nothing holds 1
    expect(again).toMatchObject({ number: one.number, reissued: true });
    expect(again.holder).not.toBe(one.holder);
    // The dead attempt's late release cannot free the number its successor now holds.
    await releaseNumber(db, one);
    expect((await take(61)).number).toBe(4);
    // Once every number is held, expired reservations are only cleaned up: the next is new.
    held.add(again.number).add(4);
    expect((await take(200)).number).toBe(5);
  });

  it('cleans up an expired reservation whose record was written after all, without reissuing it', async () => {
    const { db, counters } = fakeDb();
    const isHeld = async (n: number) => n === 1;
    await reserveNumber(db, 'c', { now: at(0), leaseMs: LEASE, isHeld }); // written, release lost
    const next = await reserveNumber(db, 'c', { now: at(120), leaseMs: LEASE, isHeld });
    expect(next).toMatchObject({ number: 2, reissued: false });
    expect(Object.keys((counters.get('c') as unknown as ReservedCounter).reservations!)).toEqual(['n2']);
  });

  it('an abandoned number is issued again at once, oldest first', async () => {
    const { db } = fakeDb();
    const options = { now: at(0), leaseMs: LEASE, isHeld: async () => false };
    const [one, two] = [await reserveNumber(db, 'c', options), await reserveNumber(db, 'c', options)];
    await abandonNumber(db, two);
    await abandonNumber(db, one);
    expect((await reserveNumber(db, 'c', options)).number).toBe(1);
    expect((await reserveNumber(db, 'c', options)).number).toBe(2);
    expect((await reserveNumber(db, 'c', options)).number).toBe(3);
  });

  it('of two attempts taking over the same expired number, one gets it and the other the next', async () => {
    const { db } = fakeDb();
    await reserveNumber(db, 'c', { now: at(0), leaseMs: LEASE, isHeld: async () => false });
    const later = { now: at(90), leaseMs: LEASE, isHeld: async () => false };
    const both = await Promise.all([reserveNumber(db, 'c', later), reserveNumber(db, 'c', later)]);
    expect(both.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it('lists expired reservations by number, comparing leases with the given clock', () => {
    const reservations = {
      n10: { holder: 'a', until: at(30) },
      n2: { holder: 'b', until: at(10) },
      n3: { holder: 'c', until: at(31) },
    };
    expect(expiredReservations({ reservations }, at(30)).map((r) => r.number)).toEqual([2, 10]);
    expect(expiredReservations({ reservations }, at(9))).toEqual([]);
    expect(expiredReservations(null, at(9))).toEqual([]);
  });

  describe('within one process', () => {
    const options = { now: at(0), leaseMs: LEASE, isHeld: async () => false };
    const intake = async (db: mongo.Db) => {
      const reservation = await reserveNumber(db, 'c', options);
      await releaseNumber(db, reservation);
      return reservation.number;
    };

    it('takes each number with one write on the value it last wrote, releases riding along', async () => {
      const { db, counters, calls } = fakeDb();
      const numbers = await Promise.all(Array.from({ length: 10 }, () => intake(db)));
      expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(counters.get('c')).toEqual({ _id: 'c', value: 10, reservations: {} });
      // One read (nothing known yet) and one insert; nine numbers with one update each; the
      // releases ride along, but for those that come once the last reservation has started
      // (here the last two; reserve + release one by one would be 9 + 10 updates).
      expect(calls).toMatchObject({ findOne: 1, insertOne: 1 });
      expect(calls.updateOne).toBeLessThanOrEqual(11);
    });

    it('attempts queued behind the one in flight take their numbers together, in one update', async () => {
      const { db, counters, calls } = fakeDb();
      const taken = await Promise.all(Array.from({ length: 10 }, () => reserveNumber(db, 'c', options)));
      expect(taken.map(({ number }) => number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(taken.map(({ holder }) => holder)).size).toBe(10);
      // The first creates the counter; the nine that queued meanwhile share one update.
      expect(calls).toEqual({ findOne: 1, insertOne: 1, updateOne: 1 });
      const counter = counters.get('c') as unknown as ReservedCounter;
      expect(counter.value).toBe(10);
      expect(Object.keys(counter.reservations!)).toHaveLength(10);
      expect(read(counters.get('c')!, 'reservations.n7.holder')).toBe(taken[6]!.holder);
    });

    it('a shared update that misses (another process took a number) goes on one at a time, no gap', async () => {
      const { db, counters, calls } = fakeDb();
      expect(await intake(db)).toBe(1);
      // Three at once: the first goes alone on the known value 1 (its update is sent at once);
      // then, before the other two share theirs, another process takes 3.
      const three = Array.from({ length: 3 }, () => reserveNumber(db, 'c', options));
      const counter = counters.get('c') as unknown as ReservedCounter;
      counter.value = 3;
      counter.reservations = { ...counter.reservations, n3: { holder: 'elsewhere', until: at(30) } };
      const taken = await Promise.all(three);
      // The shared update on 2 missed: the two read again and take 4 and 5, one at a time.
      expect(taken.map(({ number }) => number)).toEqual([2, 4, 5]);
      expect(counter.value).toBe(5);
      expect(Object.keys(counter.reservations).sort()).toEqual(['n2', 'n3', 'n4', 'n5']);
      expect(calls.findOne).toBe(2);
    });

    it('reads again when another process took a number meanwhile, and leaves no gap', async () => {
      const here = fakeDb();
      const there = fakeDb(here.counters);
      expect(await intake(here.db)).toBe(1);
      expect(await intake(there.db)).toBe(2);
      const reads = here.calls.findOne;
      expect(await intake(here.db)).toBe(3); // its update on 1 misses: it reads, and takes 3
      expect(here.calls.findOne).toBe(reads + 1);
      // Another process was seen: read first, until a read value is taken without a lost race.
      expect(await intake(here.db)).toBe(4);
      expect(here.calls.findOne).toBe(reads + 2);
      expect(await intake(here.db)).toBe(5);
      expect(here.calls.findOne).toBe(reads + 2);
      expect(here.counters.get('c')).toEqual({ _id: 'c', value: 5, reservations: {} });
    });

    it('reads only once a lease it knows of is over, then reissues that number', async () => {
      const { db, calls } = fakeDb();
      const take = (seconds: number) =>
        reserveNumber(db, 'c', { now: at(seconds), leaseMs: LEASE, isHeld: async () => false });
      await take(0); // its attempt dies: never released
      const two = await take(1);
      await releaseNumber(db, two);
      expect((await take(59)).number).toBe(3);
      expect(calls.findOne).toBe(1);
      expect(await take(60)).toMatchObject({ number: 1, reissued: true });
      expect(calls.findOne).toBe(2);
    });

    describe('a deferred release (deferMs)', () => {
      /** The deferred writes, run when the test says the time is up (no timers). */
      const later = () => {
        const due: Array<() => void> = [];
        return {
          due,
          options: { deferMs: 1000, schedule: (write: () => void) => void due.push(write) },
          async runDue() {
            for (const write of due.splice(0)) write();
            // The write it starts: a few turns of the event loop on the in-memory collection.
            for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
          },
        };
      };

      it('rides on the next reservation: one write per intake, none of its own', async () => {
        const { db, counters, calls } = fakeDb();
        const deferred = later();
        for (let n = 1; n <= 5; n += 1) {
          const reservation = await reserveNumber(db, 'c', options);
          expect(reservation.number).toBe(n);
          await releaseNumber(db, reservation, deferred.options);
        }
        // One read and one insert for the first; four updates for the others, each carrying the
        // release of the number before it (releasing one by one would be five more).
        expect(calls).toEqual({ findOne: 1, insertOne: 1, updateOne: 4 });
        // Only the last one is still held, until its own write is due.
        expect(Object.keys((counters.get('c') as unknown as ReservedCounter).reservations!)).toEqual(['n5']);
        await deferred.runDue();
        expect(counters.get('c')).toEqual({ _id: 'c', value: 5, reservations: {} });
        expect(calls.updateOne).toBe(5);
      });

      it('is written on its own once due when no reservation came, and only if still held', async () => {
        const here = fakeDb();
        const deferred = later();
        const one = await reserveNumber(here.db, 'c', options);
        const two = await reserveNumber(here.db, 'c', options);
        await releaseNumber(here.db, one, deferred.options);
        await releaseNumber(here.db, two, deferred.options);
        expect(deferred.due).toHaveLength(1); // one write scheduled for both
        // Another process took number 2 over meanwhile (say its lease was over): not freed.
        const counter = here.counters.get('c') as unknown as ReservedCounter;
        counter.reservations!.n2 = { holder: 'elsewhere', until: at(200) };
        await deferred.runDue();
        expect(counter.reservations).toEqual({ n2: { holder: 'elsewhere', until: at(200) } });
      });

      it('waits again while a reservation is in flight, and leaves no gap', async () => {
        const { db, counters } = fakeDb();
        const deferred = later();
        await releaseNumber(db, await reserveNumber(db, 'c', options), deferred.options);
        const next = reserveNumber(db, 'c', options); // in flight, carrying the release of 1
        await deferred.runDue();
        expect(deferred.due).toHaveLength(1); // rescheduled, not written beside the reservation
        const two = await next;
        expect(two.number).toBe(2);
        await releaseNumber(db, two, deferred.options);
        await deferred.runDue();
        expect(counters.get('c')).toEqual({ _id: 'c', value: 2, reservations: {} });
      });
    });

    it('does not free a number another process took over after its lease', async () => {
      const here = fakeDb();
      const there = fakeDb(here.counters);
      const late = await reserveNumber(here.db, 'c', options); // slow: past its lease
      const later = { now: at(120), leaseMs: LEASE, isHeld: async () => false };
      const successor = await reserveNumber(there.db, 'c', later);
      expect(successor).toMatchObject({ number: 1, reissued: true });
      // The late release rides on the next reservation here; it must not drop the successor's.
      const next = reserveNumber(here.db, 'c', later);
      await releaseNumber(here.db, late);
      expect((await next).number).toBe(2);
      expect(Object.keys((here.counters.get('c') as unknown as ReservedCounter).reservations!)).toEqual([
        'n1',
        'n2',
      ]);
      expect(read(here.counters.get('c')!, 'reservations.n1.holder')).toBe(successor.holder);
    });
  });
});
