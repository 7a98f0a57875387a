import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { CAUSED_BY_LIMIT, type AggregateDocument, type DomainError } from '@courtyard/kernel';
import { scratchWriter } from '../support/scratch-writer.js';

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
  const { writer, notified, things, event, underKey, rerunUnderKey, stored } =
    scratchWriter<Thing>('keyed_update');
  const appendNote = (id: string, version: number, note: string) =>
    writer.update(things(), id, version, {}, [event(id)], undefined, { notes: [note] });
  const fresh = async () => {
    const id = randomUUID();
    await writer.insert(things(), { _id: id, notes: [], createdAt: new Date() }, []);
    return id;
  };

  it('a re-run deciding again on the record its first attempt changed writes nothing and is told so', async () => {
    const id = await fresh();
    const version = await underKey('scope-u1', () => appendNote(id, 1, 'parts: 2 washers'));
    expect(version).toBe(2);
    expect((await stored(id)).causedBy).toEqual(['idempotency:scope-u1:updated']);
    const announced = notified.filter((n) => n === id).length;

    // The first attempt's answer was lost: the re-run reads version 2 and appends again.
    await expect(rerunUnderKey('scope-u1', () => appendNote(id, 2, 'parts: 2 washers'))).rejects.toEqual(
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
    await rerunUnderKey('scope-u2', async () => {
      expect(await appendNote(id, 1, 'first')).toBe(2);
      expect(await appendNote(id, 2, 'second')).toBe(3);
    });
    expect(await stored(id)).toMatchObject({ version: 3, notes: ['first', 'second'] });
  });

  it('a record the first attempt created, then died before updating it, is still updated by the re-run', async () => {
    const id = randomUUID();
    await underKey('scope-c1', () =>
      writer.insert(things(), { _id: id, notes: [], createdAt: new Date() }, []),
    );
    // The re-run meets the record (created under its key) and makes the update the first never made.
    await rerunUnderKey('scope-c1', async () => {
      const met = await writer.insertOrMeet(things(), { _id: id, notes: [], createdAt: new Date() }, []);
      expect(met.created).toBe(false);
      expect(await appendNote(id, 1, 'made once')).toBe(2);
    });
    expect(await stored(id)).toMatchObject({ version: 2, notes: ['made once'] });
    await expect(rerunUnderKey('scope-c1', () => appendNote(id, 2, 'made once'))).rejects.toEqual(
      expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_ALREADY_APPLIED' }) as unknown as DomainError,
    );
  });

  it('a first attempt may update one aggregate twice; another key, or none, is not refused by the stamp', async () => {
    const id = await fresh();
    await underKey('scope-u3', async () => {
      await appendNote(id, 1, 'a');
      await appendNote(id, 2, 'b');
    });
    await rerunUnderKey('scope-u4', () => appendNote(id, 3, 'c'));
    await appendNote(id, 4, 'd');
    expect(await stored(id)).toMatchObject({ version: 5, notes: ['a', 'b', 'c', 'd'] });
  });

  it('a stale version under a re-run without the stamp is still STALE_VERSION', async () => {
    const id = await fresh();
    await appendNote(id, 1, 'someone else');
    await expect(rerunUnderKey('scope-u5', () => appendNote(id, 1, 'late'))).rejects.toEqual(
      expect.objectContaining({ code: 'CONFLICT', reason: 'STALE_VERSION' }) as unknown as DomainError,
    );
  });

  it('a caller that spreads the record it read (with its causedBy) into the update is written', async () => {
    const id = await fresh();
    await underKey('scope-s1', () => appendNote(id, 1, 'a'));
    const { _id, version, outbox, ...read } = await stored(id);
    void _id;
    void outbox;
    await underKey('scope-s2', () => writer.update(things(), id, version, read, []));
    expect((await stored(id)).causedBy).toEqual([
      'idempotency:scope-s1:updated',
      'idempotency:scope-s2:updated',
    ]);
  });

  it('the stamps are bounded like causation ids', async () => {
    const id = await fresh();
    for (let version = 1; version <= CAUSED_BY_LIMIT + 2; version += 1) {
      await underKey(`scope-b${version}`, () => appendNote(id, version, `n${version}`));
    }
    const causes = (await stored(id)).causedBy!;
    expect(causes).toHaveLength(CAUSED_BY_LIMIT);
    expect(causes.at(-1)).toBe(`idempotency:scope-b${CAUSED_BY_LIMIT + 2}:updated`);
  });
});
