import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { DomainError } from '@courtyard/kernel';
import {
  AggregateWriter,
  inRequestScope,
  markCreatedUnder,
  type AggregateDocument,
  type CloudEvent,
} from '@courtyard/kernel';

interface Thing extends AggregateDocument {
  name: string;
  createdAt: Date;
}

/**
 * The kernel path every keyed create takes (`AggregateWriter.insert` under an idempotency key), on
 * the real MongoDB-wire server: the re-run of a create whose first attempt wrote and died before
 * its answer was recorded gets the stored record back as if it had just written it, adds no
 * event and announces none; the same `_id` created under another key, or none, is still a
 * duplicate.
 */
describe('AggregateWriter.insert under an idempotency key', () => {
  let connection: mongoose.Connection;
  let Thing: mongoose.Model<Thing>;
  const notified: string[] = [];
  const writer = new AggregateWriter((_, id) => notified.push(id));
  const event = (id: string) => ({ id: `event-${randomUUID()}`, subject: id }) as unknown as CloudEvent;
  const underKey = <T>(scope: string, run: () => Promise<T>) =>
    inRequestScope(() => {
      markCreatedUnder(scope);
      return run();
    });

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `keyed_insert_${randomUUID().slice(0, 8)}` })
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

  it('a re-run under the same key returns the first record, unchanged, with nothing added or announced', async () => {
    const id = randomUUID();
    const first = await underKey('scope-1', () =>
      writer.insert(Thing, { _id: id, name: 'first', createdAt: new Date('2026-12-01T10:00:00Z') }, [
        event(id),
      ]),
    );
    expect(notified).toEqual([id]);
    // The re-run decides the same `_id` (ids derived from the key) but at another moment.
    const again = await underKey('scope-1', () =>
      writer.insert(Thing, { _id: id, name: 'second', createdAt: new Date('2026-12-01T10:05:00Z') }, [
        event(id),
      ]),
    );
    expect(again).toEqual(first);
    expect(again).toMatchObject({ name: 'first', version: 1, outbox: [] });
    expect(notified).toEqual([id]);
    const stored = (await Thing.collection.findOne({ _id: id } as never)) as unknown as Thing;
    expect(stored.outbox).toHaveLength(1);
    expect(await Thing.countDocuments({ _id: id })).toBe(1);
  });

  it('insertOrMeet says which: created by the first attempt, met (nothing written) by the re-run', async () => {
    const id = randomUUID();
    const createdAt = new Date('2026-12-01T10:00:00Z');
    const first = await underKey('scope-4', () =>
      writer.insertOrMeet(Thing, { _id: id, name: 'first', createdAt }, [event(id)]),
    );
    expect(first).toMatchObject({ created: true, record: { _id: id, name: 'first', createdAt } });
    const again = await underKey('scope-4', () =>
      writer.insertOrMeet(Thing, { _id: id, name: 'second', createdAt: new Date() }, [event(id)]),
    );
    expect(again).toEqual({ created: false, record: first.record });
    expect(notified.filter((n) => n === id)).toHaveLength(1);
  });

  it('the same `_id` under another key, or under none, is a duplicate as before', async () => {
    const id = randomUUID();
    await underKey('scope-2', () => writer.insert(Thing, { _id: id, name: 'a', createdAt: new Date() }, []));
    const duplicate = expect.objectContaining({
      code: 'CONFLICT',
      reason: 'DUPLICATE_KEY',
    }) as unknown as DomainError;
    await expect(
      underKey('scope-3', () => writer.insert(Thing, { _id: id, name: 'b', createdAt: new Date() }, [])),
    ).rejects.toEqual(duplicate);
    await expect(writer.insert(Thing, { _id: id, name: 'c', createdAt: new Date() }, [])).rejects.toEqual(
      duplicate,
    );
  });
});
