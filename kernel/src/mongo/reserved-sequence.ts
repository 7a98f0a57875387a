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
 * Takes a number of a gap-free register: first an expired reservation whose number no record
 * holds (an attempt that failed between taking its number and writing its record), else the
 * next. Why not `$inc`: the reservation must record the number it reserves in the same update,
 * and a classic update cannot write the value an `$inc` produces elsewhere in the document (the
 * local wire server has no pipeline updates), so the next number is taken with a conditional
 * `$set` on the value just read; an attempt that loses the race reads again. A takeover is
 * conditional on the expired reservation still being the one read, so only one attempt takes it.
 */
export async function reserveNumber(
  db: mongo.Db,
  counter: string,
  { now, leaseMs, isHeld }: ReserveOptions,
): Promise<NumberReservation> {
  const counters = db.collection<ReservedCounter>(SEQUENCES_COLLECTION);
  const holder = randomUUID();
  const mine: Reservation = { holder, until: new Date(now.getTime() + leaseMs) };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await counters.findOne({ _id: counter });
    for (const { number, reservation } of expiredReservations(current, now)) {
      const same = {
        _id: counter,
        [path(number, 'holder')]: reservation.holder,
        [path(number, 'until')]: reservation.until,
      };
      if (await isHeld(number)) {
        // Used after all (its attempt wrote the record but not the release): forget it.
        await counters.updateOne(same, { $unset: { [path(number)]: '' } });
        continue;
      }
      const taken = await counters.updateOne(same, { $set: { [path(number)]: mine } });
      if (taken.matchedCount === 1) return { counter, number, holder, reissued: true };
    }
    if (!current) {
      try {
        await counters.insertOne({ _id: counter, value: 1, reservations: { [slot(1)]: mine } });
        return { counter, number: 1, holder, reissued: false };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
    }
    const next = current.value + 1;
    const taken = await counters.updateOne(
      { _id: counter, value: current.value },
      { $set: { value: next, [path(next)]: mine } },
    );
    if (taken.matchedCount === 1) return { counter, number: next, holder, reissued: false };
    // Lost to another intake: a short random pause spreads the losers out, so a burst on one
    // counter does not re-read and collide all together every round.
    await delay(Math.random() * Math.min(2 ** attempt, CONTENDED_PAUSE_MS));
  }
  throw new DomainError('CONFLICT', 'NUMBER_CONTENDED', 'Too many numbers were taken at once; retry', {
    counter,
    retryable: true,
  });
}

/** The number is used (its record is written): the reservation is no longer needed. */
export async function releaseNumber(db: mongo.Db, reservation: NumberReservation): Promise<void> {
  await db
    .collection<ReservedCounter>(SEQUENCES_COLLECTION)
    .updateOne(
      { _id: reservation.counter, [path(reservation.number, 'holder')]: reservation.holder },
      { $unset: { [path(reservation.number)]: '' } },
    );
}

/**
 * The attempt will not use its number (its record could not be written, or already existed):
 * the number may be issued again at once instead of after the lease. Harmless if the record was
 * written after all, since a number a record holds is never issued again.
 */
export async function abandonNumber(db: mongo.Db, reservation: NumberReservation): Promise<void> {
  await db
    .collection<ReservedCounter>(SEQUENCES_COLLECTION)
    .updateOne(
      { _id: reservation.counter, [path(reservation.number, 'holder')]: reservation.holder },
      { $set: { [path(reservation.number, 'until')]: new Date(0) } },
    );
}
