import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { IdempotencyStore, IDEMPOTENCY_KEYS_COLLECTION } from '@courtyard/kernel';

const HOUR = 3_600_000;

/** The key store on the real MongoDB-wire server, its time from an injected clock. */
describe('idempotency store: one result per caller and key, forgotten after its bound', () => {
  let client: mongoose.mongo.MongoClient;
  let now = new Date('2027-03-01T08:00:00Z');
  let store: IdempotencyStore;
  let db: mongoose.mongo.Db;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  beforeAll(async () => {
    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    db = client.db(`idempotency_${randomUUID().slice(0, 8)}`);
    store = IdempotencyStore.on(db, {
      ttlMs: 24 * HOUR,
      leaseMs: 30_000,
      clock: () => now,
    });
    await store.createIndexes();
  });
  afterAll(() => client.close());

  it('claims once, replays the recorded result, refuses another request, and frees the key after the bound', async () => {
    const scope = randomUUID();
    const first = await store.claim(scope, 'desk-1', 'key-00000001', 'request-a');
    expect(first.outcome).toBe('claimed');
    expect(await store.claim(scope, 'desk-1', 'key-00000001', 'request-a')).toEqual({
      outcome: 'in-progress',
    });
    await store.complete(scope, (first as { claim: string }).claim, '{"data":{"ok":true}}');

    expect(await store.claim(scope, 'desk-1', 'key-00000001', 'request-a')).toEqual({
      outcome: 'replay',
      response: '{"data":{"ok":true}}',
    });
    expect(await store.claim(scope, 'desk-1', 'key-00000001', 'request-b')).toEqual({ outcome: 'reused' });

    later(24 * HOUR - 1);
    expect((await store.claim(scope, 'desk-1', 'key-00000001', 'request-b')).outcome).toBe('reused');
    later(1);
    // Expired: checked on read, whatever the store does with its TTL index; a new request, no re-run.
    expect(await store.claim(scope, 'desk-1', 'key-00000001', 'request-b')).toMatchObject({
      outcome: 'claimed',
      rerun: false,
    });
  });

  it('lets a retry take over a claim whose attempt died, once its lease is over', async () => {
    const scope = randomUUID();
    expect(await store.claim(scope, 'desk-2', 'key-00000002', 'request-a')).toMatchObject({
      outcome: 'claimed',
      rerun: false,
    });
    later(29_999);
    expect((await store.claim(scope, 'desk-2', 'key-00000002', 'request-a')).outcome).toBe('in-progress');
    later(1);
    expect((await store.claim(scope, 'desk-2', 'key-00000002', 'request-b')).outcome).toBe('reused');
    // The dead attempt may have written: the taker is told it re-runs (the writer's update guard).
    expect(await store.claim(scope, 'desk-2', 'key-00000002', 'request-a')).toMatchObject({
      outcome: 'claimed',
      rerun: true,
    });
  });

  it('sweeps expired keys (the local store has no TTL that expires)', async () => {
    const scope = randomUUID();
    const claimed = await store.claim(scope, 'desk-3', 'key-00000003', 'request-a');
    await store.complete(scope, (claimed as { claim: string }).claim, '{"data":{}}');
    const collection = db.collection(IDEMPOTENCY_KEYS_COLLECTION);
    expect(await collection.countDocuments({ _id: scope as never })).toBe(1);
    later(25 * HOUR);
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    expect(await collection.countDocuments({ _id: scope as never })).toBe(0);
  });
});
