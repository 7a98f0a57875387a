import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AggregateDocument, DomainError } from '@courtyard/kernel';
import { scratchWriter } from '../support/scratch-writer.js';

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
  const { writer, notified, things, event, underKey } = scratchWriter<Thing>('keyed_insert');

  it('a re-run under the same key returns the first record, unchanged, with nothing added or announced', async () => {
    const id = randomUUID();
    const first = await underKey('scope-1', () =>
      writer.insert(things(), { _id: id, name: 'first', createdAt: new Date('2026-12-01T10:00:00Z') }, [
        event(id),
      ]),
    );
    expect(notified).toEqual([id]);
    // The re-run decides the same `_id` (ids derived from the key) but at another moment.
    const again = await underKey('scope-1', () =>
      writer.insert(things(), { _id: id, name: 'second', createdAt: new Date('2026-12-01T10:05:00Z') }, [
        event(id),
      ]),
    );
    expect(again).toEqual(first);
    expect(again).toMatchObject({ name: 'first', version: 1, outbox: [] });
    expect(notified).toEqual([id]);
    const stored = (await things().collection.findOne({ _id: id } as never)) as unknown as Thing;
    expect(stored.outbox).toHaveLength(1);
    expect(await things().countDocuments({ _id: id })).toBe(1);
  });

  it('insertOrMeet says which: created by the first attempt, met (nothing written) by the re-run', async () => {
    const id = randomUUID();
    const createdAt = new Date('2026-12-01T10:00:00Z');
    const first = await underKey('scope-4', () =>
      writer.insertOrMeet(things(), { _id: id, name: 'first', createdAt }, [event(id)]),
    );
    expect(first).toMatchObject({ created: true, record: { _id: id, name: 'first', createdAt } });
    const again = await underKey('scope-4', () =>
      writer.insertOrMeet(things(), { _id: id, name: 'second', createdAt: new Date() }, [event(id)]),
    );
    expect(again).toEqual({ created: false, record: first.record });
    expect(notified.filter((n) => n === id)).toHaveLength(1);
  });

  it('the same `_id` under another key, or under none, is a duplicate as before', async () => {
    const id = randomUUID();
    await underKey('scope-2', () =>
      writer.insert(things(), { _id: id, name: 'a', createdAt: new Date() }, []),
    );
    const duplicate = expect.objectContaining({
      code: 'CONFLICT',
      reason: 'DUPLICATE_KEY',
    }) as unknown as DomainError;
    await expect(
      underKey('scope-3', () => writer.insert(things(), { _id: id, name: 'b', createdAt: new Date() }, [])),
    ).rejects.toEqual(duplicate);
    await expect(writer.insert(things(), { _id: id, name: 'c', createdAt: new Date() }, [])).rejects.toEqual(
      duplicate,
    );
  });
});
