import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../errors.js';

/** One document per (caller, key) in each subgraph's own database. */
export const IDEMPOTENCY_KEYS_COLLECTION = 'idempotency_keys';

/**
 * The first result of a keyed request. `_id` is the digest of caller and key (so the unique
 * `_id` index is the unique index on caller + key); the whole record is one document, claimed
 * with one insert and completed with one update, so it needs no transaction.
 */
export interface IdempotencyRecord {
  _id: string;
  subject: string;
  key: string;
  /** Digest of the request (operation and variables) first sent under the key. */
  fingerprint: string;
  state: 'pending' | 'done';
  /** The attempt that holds the key; only it may complete or release it. */
  claim: string;
  /** A pending claim older than this was left by an attempt that died: a retry may take it over. */
  leaseUntil: Date;
  /** The first result as the subgraph answered it (JSON), once `done`. */
  response?: string;
  createdAt: Date;
  /** After this the key is forgotten: checked on every read, swept, and a TTL index on MongoDB. */
  expiresAt: Date;
}

export type KeyClaim =
  /**
   * `rerun`: the key was taken over from an attempt whose lease ran out without an answer (it
   * may have written before it died); false for a fresh claim and for an expired key.
   */
  | { outcome: 'claimed'; claim: string; rerun: boolean }
  | { outcome: 'replay'; response: string }
  | { outcome: 'reused' }
  | { outcome: 'in-progress' };

export interface IdempotencyStoreOptions {
  /** How long a key is remembered. */
  ttlMs: number;
  /** How long a pending claim holds the key (longer than the gateway's budget for a request). */
  leaseMs: number;
  clock?: () => Date;
}

/**
 * Keys and their first results. Without transactions: the claim is one insert on the unique
 * `_id` (a concurrent twin loses it and waits or is told the key is in progress), the result
 * one conditional update, so a key has one result whatever the interleaving.
 */
export class IdempotencyStore {
  private readonly clock: () => Date;

  constructor(
    private readonly collection: mongo.Collection<IdempotencyRecord>,
    private readonly options: IdempotencyStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  static on(db: mongo.Db, options: IdempotencyStoreOptions): IdempotencyStore {
    return new IdempotencyStore(db.collection<IdempotencyRecord>(IDEMPOTENCY_KEYS_COLLECTION), options);
  }

  /**
   * The TTL index (MongoDB deletes expired keys itself; the local wire server accepts it and
   * never expires anything, hence the expiry check on read and `sweep`).
   */
  async createIndexes(): Promise<void> {
    await this.collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 });
  }

  /** Claims the key for this request, or says what was decided under it before. */
  async claim(scope: string, subject: string, key: string, fingerprint: string): Promise<KeyClaim> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = this.clock();
      const fresh: IdempotencyRecord = {
        _id: scope,
        subject,
        key,
        fingerprint,
        state: 'pending',
        claim: randomUUID(),
        leaseUntil: new Date(now.getTime() + this.options.leaseMs),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.options.ttlMs),
      };
      try {
        await this.collection.insertOne(fresh);
        return { outcome: 'claimed', claim: fresh.claim, rerun: false };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.collection.findOne({ _id: scope });
      if (!existing) continue;
      const expired = existing.expiresAt.getTime() <= now.getTime();
      const abandoned =
        existing.state === 'pending' &&
        existing.leaseUntil.getTime() <= now.getTime() &&
        existing.fingerprint === fingerprint;
      if (expired || abandoned) {
        const { _id, ...rest } = fresh;
        const taken = await this.collection.updateOne(
          { _id: scope, claim: existing.claim },
          { $set: rest, $unset: { response: '' } },
        );
        if (taken.matchedCount === 1) return { outcome: 'claimed', claim: fresh.claim, rerun: !expired };
        continue;
      }
      if (existing.fingerprint !== fingerprint) return { outcome: 'reused' };
      if (existing.state === 'done' && existing.response !== undefined) {
        return { outcome: 'replay', response: existing.response };
      }
      return { outcome: 'in-progress' };
    }
    return { outcome: 'in-progress' };
  }

  /** Records the first result: later requests under the key get it back. */
  async complete(scope: string, claim: string, response: string): Promise<void> {
    await this.collection.updateOne({ _id: scope, claim }, { $set: { state: 'done', response } });
  }

  /** The attempt failed (nothing to replay): the key is free for the retry to run again. */
  async release(scope: string, claim: string): Promise<void> {
    await this.collection.deleteOne({ _id: scope, claim });
  }

  /** Deletes expired keys (the local store has no TTL); returns how many. */
  async sweep(): Promise<number> {
    const { deletedCount } = await this.collection.deleteMany({ expiresAt: { $lte: this.clock() } });
    return deletedCount;
  }
}
