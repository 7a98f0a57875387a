import { describe, expect, it } from '@jest/globals';
import type { mongo } from 'mongoose';
import { VersionedCache } from './versioned-cache.js';

interface Doc {
  _id: string;
  version: number;
  name: string;
  tags?: string[];
  outbox?: unknown[];
}

/**
 * A collection of stored documents that answers `findOne({_id}, {projection})` as the server
 * does for the two shapes the cache sends (the version alone, or all but excluded fields), and
 * records each answer's shape.
 */
function storeOf(...docs: Doc[]) {
  const stored = new Map(docs.map((doc) => [doc._id, doc]));
  const answers: Array<'version' | 'document' | 'none'> = [];
  const collection = {
    findOne: async (filter: { _id: string }, options: { projection?: Record<string, 0 | 1> } = {}) => {
      const doc = stored.get(filter._id);
      if (!doc) {
        answers.push('none');
        return null;
      }
      const projection = options.projection ?? {};
      if (projection.version === 1) {
        answers.push('version');
        return { _id: doc._id, version: doc.version };
      }
      answers.push('document');
      const copy = structuredClone(doc) as unknown as Record<string, unknown>;
      for (const [field, keep] of Object.entries(projection)) if (keep === 0) delete copy[field];
      return copy;
    },
  } as unknown as mongo.Collection;
  return { stored, answers, collection: () => collection };
}

describe('VersionedCache: documents as last read, checked against the stored version', () => {
  it('reads a document whole once, then answers from the cache while its version stays', async () => {
    const store = storeOf({ _id: 'p1', version: 3, name: 'North Court' });
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 10 });
    expect(await cache.get('p1')).toEqual({ _id: 'p1', version: 3, name: 'North Court' });
    expect(await cache.get('p1')).toEqual({ _id: 'p1', version: 3, name: 'North Court' });
    expect(store.answers).toEqual(['document', 'version']);
  });

  it('reads a document again as soon as its stored version moved (a write by any process)', async () => {
    const store = storeOf({ _id: 'p1', version: 3, name: 'North Court' });
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 10 });
    await cache.get('p1');
    store.stored.set('p1', { _id: 'p1', version: 4, name: 'North Court East' });
    expect((await cache.get('p1'))?.name).toBe('North Court East');
    expect(await cache.get('p1')).toMatchObject({ version: 4 });
    expect(store.answers).toEqual(['document', 'version', 'document', 'version']);
  });

  it('answers null for a document that is not stored, and forgets one that was deleted', async () => {
    const store = storeOf({ _id: 'p1', version: 1, name: 'North Court' });
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 10 });
    expect(await cache.get('absent')).toBeNull();
    await cache.get('p1');
    store.stored.delete('p1');
    expect(await cache.get('p1')).toBeNull();
    store.stored.set('p1', { _id: 'p1', version: 1, name: 'Rebuilt Court' });
    // Not the forgotten copy, though it had the same version: read whole again.
    expect((await cache.get('p1'))?.name).toBe('Rebuilt Court');
  });

  it('leaves out the excluded fields', async () => {
    const store = storeOf({ _id: 'p1', version: 1, name: 'North Court', outbox: [{ id: 'e1' }] });
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 10, without: ['outbox'] });
    expect(await cache.get('p1')).toEqual({ _id: 'p1', version: 1, name: 'North Court' });
  });

  it('hands out copies no request can change: they are frozen to the bottom', async () => {
    const store = storeOf({ _id: 'p1', version: 1, name: 'North Court', tags: ['gated'] });
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 10 });
    const read = (await cache.get('p1'))!;
    // Matched by message: the copy's arrays come from another realm under jest, and so do their errors.
    expect(() => {
      read.name = 'changed';
    }).toThrow(/read only/);
    expect(() => read.tags!.push('changed')).toThrow(/not extensible/);
    expect((await cache.get('p1'))?.tags).toEqual(['gated']);
  });

  it('keeps at most maxEntries, dropping the one read longest ago', async () => {
    const store = storeOf(
      { _id: 'a', version: 1, name: 'A' },
      { _id: 'b', version: 1, name: 'B' },
      { _id: 'c', version: 1, name: 'C' },
    );
    const cache = new VersionedCache<Doc>(store.collection, { maxEntries: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('a'); // a is now the most recently read
    await cache.get('c'); // drops b
    store.answers.length = 0;
    await cache.get('a');
    await cache.get('b');
    expect(store.answers).toEqual(['version', 'document']);
  });
});
