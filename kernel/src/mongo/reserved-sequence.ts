import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { DomainError, isDuplicateKeyError } from '../errors.js';
import { delay } from '../events/backoff.js';
import { SEQUENCES_COLLECTION } from './sequence.js';

/**
 * A number handed out and not yet known to be used: its record may still be being written, or
 * the write failed after the number was taken (the database went away, the process died). It
 * lives in the counter document itself, written by the same single-document update that takes
 * the number, so a number is never taken without its reservation (no transactions needed).
 */
export interface Reservation {
  /** The attempt holding the number: only it releases the reservation. */
  holder: string;
  /** After this the attempt is presumed dead: the number may be issued again if nothing holds it. */
  until: Date;
}

/** A counter with its open reservations, keyed `n<number>` (a map: one dotted path per number). */
export interface ReservedCounter {
  _id: string;
  value: number;
  reservations?: Record<string, Reservation>;
}

/** The number an attempt holds, and what it needs to release it. */
export interface NumberReservation {
  counter: string;
  number: number;
  holder: string;
  /** True when this number had been issued before to an attempt that never used it. */
  reissued: boolean;
}

export interface ReserveOptions {
  /** The caller's clock (a request's `now`): leases are compared against it, never the wall clock. */
  now: Date;
  /** How long an attempt holds its number: longer than any request may take to write its record. */
  leaseMs: number;
  /**
   * Whether a stored record carries the number (the register's unique index is the truth): an
   * expired reservation whose number is held was used after all, and is only cleaned up.
   */
  isHeld: (number: number) => Promise<boolean>;
}

const slot = (number: number) => `n${number}`;
const path = (number: number, field?: keyof Reservation) =>
  `reservations.${slot(number)}${field ? `.${field}` : ''}`;

/** Expired reservations, lowest number first: the one issued again is the oldest hole. */
export function expiredReservations(
  counter: Pick<ReservedCounter, 'reservations'> | null,
  now: Date,
): Array<{ number: number; reservation: Reservation }> {
  return Object.entries(counter?.reservations ?? {})
    .map(([key, reservation]) => ({ number: Number(key.slice(1)), reservation }))
    .filter(
      ({ number, reservation }) =>
        Number.isInteger(number) && new Date(reservation.until).getTime() <= now.getTime(),
    )
    .sort((a, b) => a.number - b.number);
}

/**
 * How often one reservation is tried. Each lost race means another attempt got a number, so
 * this bounds only pathological contention; the caller gets a retryable CONFLICT past it.
 */
const ATTEMPTS = 200;
/** The longest pause between two tries of a contended counter. */
const CONTENDED_PAUSE_MS = 40;

/**
 * What this process knows of one counter. Its reservations are serialized (one update in flight
 * per counter and process), so within a process no attempt loses a race to another, and each
 * update is conditional on the value this process last wrote, without reading first. The
 * attempts that queued while an update was in flight take their numbers together in the next
 * one (`value + k`, k reservations): one busy counter costs one write per turn, not per number.
 * Another process taking a number makes that update miss; then the document is read and the
 * attempts go on one at a time as contended ones until a read value is taken again.
 */
interface CounterState {
  /** The document as this process last read or wrote it; absent until read, or after a miss. */
  known?: ReservedCounter;
  /** Released numbers (and their holders) to `$unset` in the next update that takes a number. */
  released: Map<number, string>;
  /** Attempts waiting for their turn: a release folds into their update when any wait. */
  queue: Queued[];
  /** Whether a turn is running (the queue is being worked through). */
  draining: boolean;
  /**
   * Other processes take numbers of this counter too: the last value written here is likely
   * stale, and an update on it would only miss (one wasted write), so read first until a read
   * value is taken without a lost race again.
   */
  contended: boolean;
  /** Whether a deferred release's own write is scheduled (see `releaseNumber`'s `deferMs`). */
  flushScheduled: boolean;
}

/** An attempt waiting for its number. */
interface Queued {
  options: ReserveOptions;
  resolve: (reservation: NumberReservation) => void;
  reject: (error: unknown) => void;
}

/** At most this many queued attempts take their numbers in one update (bounds the update's size). */
const MAX_TAKEN_TOGETHER = 64;

const states = new WeakMap<object, Map<string, CounterState>>();
function stateOf(db: mongo.Db, counter: string): CounterState {
  let counters = states.get(db);
  if (!counters) states.set(db, (counters = new Map()));
  let state = counters.get(counter);
  if (!state)
    counters.set(
      counter,
      (state = { released: new Map(), queue: [], draining: false, contended: false, flushScheduled: false }),
    );
  return state;
}

/**
 * The pending releases, as a filter part (each still held by its holder, so a number taken over
 * meanwhile is never freed) and an `$unset` part for the update that takes the next number.
 */
function foldReleases(state: CounterState) {
  const folded = [...state.released];
  const filter = Object.fromEntries(folded.map(([number, holder]) => [path(number, 'holder'), holder]));
  const unset = Object.fromEntries(folded.map(([number]) => [path(number), '' as const]));
  return { folded, filter, ...(folded.length > 0 ? { update: { $unset: unset } } : {}) };
}

/** After an update with the folded releases matched: they are gone from the document. */
function applyFolded(state: CounterState, known: ReservedCounter, folded: Array<[number, string]>) {
  for (const [number] of folded) {
    state.released.delete(number);
    delete known.reservations?.[slot(number)];
  }
}

/**
 * Takes a number of a gap-free register: first an expired reservation whose number no record
 * holds (an attempt that failed between taking its number and writing its record), else the
 * next. Why not `$inc`: the reservation must record the number it reserves in the same update,
 * and a classic update cannot write the value an `$inc` produces elsewhere in the document (the
 * local wire server has no pipeline updates), so the next number is taken with a conditional
 * `$set` on the value last known; an attempt that loses the race reads again. A takeover is
 * conditional on the expired reservation still being the one read, so only one attempt takes it.
 * Within a process, reservations of one counter run one after another (see CounterState).
 */
export function reserveNumber(
  db: mongo.Db,
  counter: string,
  options: ReserveOptions,
): Promise<NumberReservation> {
  const state = stateOf(db, counter);
  return new Promise<NumberReservation>((resolve, reject) => {
    state.queue.push({ options, resolve, reject });
    if (!state.draining) void drain(db, counter, state);
  });
}

/** Works through the queue: several attempts in one update when the counter is known, else one. */
async function drain(db: mongo.Db, counter: string, state: CounterState): Promise<void> {
  state.draining = true;
  try {
    while (state.queue.length > 0) {
      const together = state.queue.length > 1 ? takeTogether(state) : undefined;
      if (together) {
        const taken = await reserveTogether(db, counter, state, together).catch((error: unknown) => {
          for (const { reject } of together) reject(error);
          return [];
        });
        if (taken === undefined) {
          // Another process took a number: the same attempts go on one at a time, reading first.
          state.queue.unshift(...together);
          continue;
        }
        taken.forEach((reservation, n) => together[n]!.resolve(reservation));
        continue;
      }
      const next = state.queue.shift()!;
      await reserveInTurn(db, counter, state, next.options).then(next.resolve, next.reject);
    }
  } finally {
    state.draining = false;
  }
}

/**
 * The queued attempts that can take the next numbers together: only when the counter's value is
 * known, no other process was seen, and no known lease is over (a lapsed number is reissued to
 * one attempt, on its own path).
 */
function takeTogether(state: CounterState): Queued[] | undefined {
  if (!state.known || state.contended) return undefined;
  const latest = new Date(Math.max(...state.queue.map(({ options }) => options.now.getTime())));
  const lapsed = expiredReservations(state.known, latest).filter(({ number }) => !state.released.has(number));
  if (lapsed.length > 0) return undefined;
  return state.queue.splice(0, MAX_TAKEN_TOGETHER);
}

/**
 * One conditional update takes the next `k` numbers for `k` attempts (each with its own holder
 * and lease). Undefined when it missed (another process took a number meanwhile).
 */
async function reserveTogether(
  db: mongo.Db,
  counter: string,
  state: CounterState,
  attempts: Queued[],
): Promise<NumberReservation[] | undefined> {
  const current = state.known!;
  const mine = attempts.map(({ options }) => ({
    number: 0,
    reservation: { holder: randomUUID(), until: new Date(options.now.getTime() + options.leaseMs) },
  }));
  mine.forEach((taking, n) => (taking.number = current.value + 1 + n));
  const releases = foldReleases(state);
  const taken = await db.collection<ReservedCounter>(SEQUENCES_COLLECTION).updateOne(
    { ...releases.filter, _id: counter, value: current.value },
    {
      $set: {
        value: current.value + mine.length,
        ...Object.fromEntries(mine.map(({ number, reservation }) => [path(number), reservation])),
      },
      ...releases.update,
    },
  );
  if (taken.matchedCount !== 1) {
    state.known = undefined;
    state.contended = true;
    return undefined;
  }
  applyFolded(state, current, releases.folded);
  current.value += mine.length;
  for (const { number, reservation } of mine) (current.reservations ??= {})[slot(number)] = reservation;
  return mine.map(({ number, reservation }) => ({
    counter,
    number,
    holder: reservation.holder,
    reissued: false,
  }));
}

async function reserveInTurn(
  db: mongo.Db,
  counter: string,
  state: CounterState,
  { now, leaseMs, isHeld }: ReserveOptions,
): Promise<NumberReservation> {
  const counters = db.collection<ReservedCounter>(SEQUENCES_COLLECTION);
  const holder = randomUUID();
  const mine: Reservation = { holder, until: new Date(now.getTime() + leaseMs) };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // Read only when nothing is known, or what is known shows a lease over (a number to reissue
    // or clean up); the pending releases are dropped by this very update, so they do not count.
    const expired = (known: ReservedCounter | undefined) =>
      expiredReservations(known ?? null, now).filter(({ number }) => !state.released.has(number));
    let lapsed = expired(state.known);
    const fresh = !state.known || state.contended || lapsed.length > 0;
    if (fresh) {
      const read = await counters.findOne({ _id: counter });
      state.known = read ?? undefined;
      // A release whose number was taken over or cleaned up meanwhile has nothing left to free.
      for (const [number, releasing] of state.released)
        if (read?.reservations?.[slot(number)]?.holder !== releasing) state.released.delete(number);
      lapsed = expired(state.known);
    }
    const current = state.known;
    for (const { number, reservation } of lapsed) {
      const same = {
        _id: counter,
        [path(number, 'holder')]: reservation.holder,
        [path(number, 'until')]: reservation.until,
      };
      if (await isHeld(number)) {
        // Used after all (its attempt wrote the record but not the release): forget it.
        const forgotten = await counters.updateOne(same, { $unset: { [path(number)]: '' } });
        if (forgotten.matchedCount === 1) delete current?.reservations?.[slot(number)];
        continue;
      }
      const releases = foldReleases(state);
      const taken = await counters.updateOne(
        { ...releases.filter, ...same },
        { $set: { [path(number)]: mine }, ...releases.update },
      );
      if (taken.matchedCount === 1) {
        if (current) {
          applyFolded(state, current, releases.folded);
          (current.reservations ??= {})[slot(number)] = mine;
        }
        return { counter, number, holder, reissued: true };
      }
    }
    if (!current) {
      try {
        await counters.insertOne({ _id: counter, value: 1, reservations: { [slot(1)]: mine } });
        // Releases of a counter that no longer exists have nothing to free.
        state.released.clear();
        state.known = { _id: counter, value: 1, reservations: { [slot(1)]: mine } };
        return { counter, number: 1, holder, reissued: false };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
    }
    const next = current.value + 1;
    const releases = foldReleases(state);
    const taken = await counters.updateOne(
      { ...releases.filter, _id: counter, value: current.value },
      { $set: { value: next, [path(next)]: mine }, ...releases.update },
    );
    if (taken.matchedCount === 1) {
      if (fresh && attempt === 0) state.contended = false;
      applyFolded(state, current, releases.folded);
      current.value = next;
      (current.reservations ??= {})[slot(next)] = mine;
      return { counter, number: next, holder, reissued: false };
    }
    // Another process took a number (or freed one of ours): read again. When that was already a
    // read value, a short random pause spreads the losers out, so a burst on one counter from
    // many processes does not re-read and collide all together every round.
    state.known = undefined;
    if (!fresh) state.contended = true;
    if (fresh) await delay(Math.random() * Math.min(2 ** attempt, CONTENDED_PAUSE_MS));
  }
  throw new DomainError('CONFLICT', 'NUMBER_CONTENDED', 'Too many numbers were taken at once; retry', {
    counter,
    retryable: true,
  });
}

/** How a release is written (see `releaseNumber`). */
export interface ReleaseOptions {
  /**
   * Wait up to this long for the next reservation of the counter in this process and ride on its
   * update instead of writing the release on its own (0 or absent: written now unless another
   * reservation already waits). Under a steady stream of intakes almost every release rides
   * along, one write per intake instead of two. Keep it far below the lease: a release still
   * pending when the lease is over only costs the next intake a check that the number is held.
   */
  deferMs?: number;
  /** Runs the deferred write after `ms` (tests inject it; by default a timer that does not hold the process). */
  schedule?: (write: () => void, ms: number) => void;
}

const scheduleWrite = (write: () => void, ms: number) => {
  setTimeout(write, ms).unref();
};

/**
 * The number is used (its record is written): the reservation is no longer needed. When other
 * reservations of the counter wait in this process, the release rides on the next one's update
 * (no write of its own); else it is written now, or, with `deferMs`, when the next reservation
 * comes within that time, and on its own after it otherwise. A release lost with the process
 * leaves a reservation whose record exists: the next intake past its lease finds it held and
 * forgets it.
 */
export async function releaseNumber(
  db: mongo.Db,
  reservation: NumberReservation,
  options: ReleaseOptions = {},
): Promise<void> {
  const state = stateOf(db, reservation.counter);
  if (state.queue.length > 0 || options.deferMs) {
    state.released.set(reservation.number, reservation.holder);
    if (options.deferMs && !state.flushScheduled) scheduleReleases(db, reservation.counter, state, options);
    return;
  }
  await writeRelease(db, state, reservation.counter, reservation.number, reservation.holder);
}

/**
 * After `deferMs`, what no reservation took along is written. While a reservation is in flight it
 * waits again: that update may carry some of them, and writing them beside it would make it miss.
 */
function scheduleReleases(db: mongo.Db, counter: string, state: CounterState, options: ReleaseOptions) {
  state.flushScheduled = true;
  (options.schedule ?? scheduleWrite)(() => {
    state.flushScheduled = false;
    if (state.released.size === 0) return;
    if (state.draining) scheduleReleases(db, counter, state, options);
    else void writeReleases(db, counter, state).catch(() => undefined);
  }, options.deferMs!);
}

/**
 * The deferred releases no reservation took along meanwhile, each written on its own (each only
 * if its holder still holds the number). Taken out of the pending ones first, so a reservation
 * starting meanwhile does not fold them too (its update would miss on a release already done).
 */
async function writeReleases(db: mongo.Db, counter: string, state: CounterState): Promise<void> {
  const pending = [...state.released];
  state.released.clear();
  for (const [number, holder] of pending) await writeRelease(db, state, counter, number, holder);
}

async function writeRelease(
  db: mongo.Db,
  state: CounterState,
  counter: string,
  number: number,
  holder: string,
) {
  const released = await db
    .collection<ReservedCounter>(SEQUENCES_COLLECTION)
    .updateOne({ _id: counter, [path(number, 'holder')]: holder }, { $unset: { [path(number)]: '' } });
  const known = state.known?.reservations;
  if (released.matchedCount === 1 && known?.[slot(number)]?.holder === holder) delete known[slot(number)];
}

/**
 * The attempt will not use its number (its record could not be written, or already existed):
 * the number may be issued again at once instead of after the lease. Harmless if the record was
 * written after all, since a number a record holds is never issued again.
 */
export async function abandonNumber(db: mongo.Db, reservation: NumberReservation): Promise<void> {
  // Known as expired at once (even if the write below fails): the next reservation reads first.
  const known = stateOf(db, reservation.counter).known?.reservations?.[slot(reservation.number)];
  if (known?.holder === reservation.holder) known.until = new Date(0);
  await db
    .collection<ReservedCounter>(SEQUENCES_COLLECTION)
    .updateOne(
      { _id: reservation.counter, [path(reservation.number, 'holder')]: reservation.holder },
      { $set: { [path(reservation.number, 'until')]: new Date(0) } },
    );
}
