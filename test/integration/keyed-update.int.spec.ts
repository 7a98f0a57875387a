import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { DomainError } from '@courtyard/kernel';
import {
  AggregateWriter,
  CAUSED_BY_LIMIT,
  inRequestScope,
  markCreatedUnder,
  type AggregateDocument,
  type CloudEvent,
} from '@courtyard/kernel';

interface Thing extends AggregateDocument {
  notes: string[];
  createdAt: Date;
}

/**
 * `AggregateWriter.update` under an idempotency key, on the real MongoDB-wire server: the first
 * attempt stamps the key; the re-run after a lost answer (key taken over after the lease) that
 * decides again on the record its first attempt already changed writes nothing and is told
 * `IDEMPOTENCY_KEY_ALREADY_APPLIED`, so an appended note lands once; an attempt updating the same
 * aggregate twice is not refused by its own stamp.
 */
describe('AggregateWriter.update under an idempotency key', () => {
  let connection: mongoose.Connection;
  let Thing: mongoose.Model<Thing>;
  const notified: string[] = [];
  const writer = new AggregateWriter((_, id) => notified.push(id));
  const event = (id: string) => ({ id: `event-${randomUUID()}`, subject: id }) as unknown as CloudEvent;
  const underKey = <T>(scope: string, rerun: boolean, run: () => Promise<T>) =>
    inRequestScope(() => {
      markCreatedUnder(scope, { rerun });
      return run();
    });
  const stored = async (id: string) =>
    (await Thing.collection.findOne({ _id: id } as never)) as unknown as Thing;
  const appendNote = (id: string, version: number, note: string) =>
    writer.update(Thing, id, version, {}, [event(id)], undefined, { notes: [note] });
  const fresh = async () => {
    const id = randomUUID();
    await writer.insert(Thing, { _id: id, notes: [], createdAt: new Date() }, []);
    return id;
  };

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `keyed_update_${randomUUID().slice(0, 8)}` })
      .asPromise();
    Thing = connection.model<Thing>(
      'Thing',
      new mongoose.Schema({ _id: String }, { strict: false }),
      'things',
    );
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('a re-run deciding again on the record its first attempt changed writes nothing and is told so', async () => {
    const id = await fresh();
    const version = await underKey('scope-u1', false, () => appendNote(id, 1, 'parts: 2 washers'));
    expect(version).toBe(2);
    expect((await stored(id)).causedBy).toEqual(['idempotency:scope-u1:updated']);
    const announced = notified.filter((n) => n === id).length;

    // The first attempt's answer was lost: the re-run reads version 2 and appends again.
    await expect(underKey('scope-u1', true, () => appendNote(id, 2, 'parts: 2 washers'))).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_ALREADY_APPLIED',
      }) as unknown as DomainError,
    );
    const after = await stored(id);
    expect(after).toMatchObject({ version: 2, notes: ['parts: 2 washers'] });
    expect(after.outbox).toHaveLength(1);
    expect(notified.filter((n) => n === id)).toHaveLength(announced);
  });

  it('a re-run whose first attempt did not reach this record applies it, and may change it again', async () => {
    const id = await fresh();
    await underKey('scope-u2', true, async () => {
      expect(await appendNote(id, 1, 'first')).toBe(2);
      expect(await appendNote(id, 2, 'second')).toBe(3);
    });
    expect(await stored(id)).toMatchObject({ version: 3, notes: ['first', 'second'] });
  });

  it('a record the first attempt created, then died before updating it, is still updated by the re-run', async () => {
    const id = randomUUID();
    await underKey('scope-c1', false, () =>
      writer.insert(Thing, { _id: id, notes: [], createdAt: new Date() }, []),
    );
    // The re-run meets the record (created under its key) and makes the update the first never made.
    await underKey('scope-c1', true, async () => {
      const met = await writer.insertOrMeet(Thing, { _id: id, notes: [], createdAt: new Date() }, []);
      expect(met.created).toBe(false);
      expect(await appendNote(id, 1, 'made once')).toBe(2);
    });
    expect(await stored(id)).toMatchObject({ version: 2, notes: ['made once'] });
    await expect(underKey('scope-c1', true, () => appendNote(id, 2, 'made once'))).rejects.toEqual(
      expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_ALREADY_APPLIED' }) as unknown as DomainError,
    );
  });

  it('a first attempt may update one aggregate twice; another key, or none, is not refused by the stamp', async () => {
    const id = await fresh();
    await underKey('scope-u3', false, async () => {
      await appendNote(id, 1, 'a');
      await appendNote(id, 2, 'b');
    });
    await underKey('scope-u4', true, () => appendNote(id, 3, 'c'));
    await appendNote(id, 4, 'd');
    expect(await stored(id)).toMatchObject({ version: 5, notes: ['a', 'b', 'c', 'd'] });
  });

  it('a stale version under a re-run without the stamp is still STALE_VERSION', async () => {
    const id = await fresh();
    await appendNote(id, 1, 'someone else');
    await expect(underKey('scope-u5', true, () => appendNote(id, 1, 'late'))).rejects.toEqual(
      expect.objectContaining({ code: 'CONFLICT', reason: 'STALE_VERSION' }) as unknown as DomainError,
    );
  });

  it('a caller that spreads the record it read (with its causedBy) into the update is written', async () => {
    const id = await fresh();
    await underKey('scope-s1', false, () => appendNote(id, 1, 'a'));
    const { _id, version, outbox, ...read } = await stored(id);
    void _id;
    void outbox;
    await underKey('scope-s2', false, () => writer.update(Thing, id, version, read, []));
    expect((await stored(id)).causedBy).toEqual([
      'idempotency:scope-s1:updated',
      'idempotency:scope-s2:updated',
    ]);
  });

  it('the stamps are bounded like causation ids', async () => {
    const id = await fresh();
    for (let version = 1; version <= CAUSED_BY_LIMIT + 2; version += 1) {
      await underKey(`scope-b${version}`, false, () => appendNote(id, version, `n${version}`));
    }
    const causes = (await stored(id)).causedBy!;
    expect(causes).toHaveLength(CAUSED_BY_LIMIT);
    expect(causes.at(-1)).toBe(`idempotency:scope-b${CAUSED_BY_LIMIT + 2}:updated`);
  });
});
