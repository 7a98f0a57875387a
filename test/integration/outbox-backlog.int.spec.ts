import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { readOutboxBacklog } from '@courtyard/kernel';
import { withDatabase } from '../support/mongo.js';

const event = (time: string) => ({ id: randomUUID(), type: 'thing.happened.v1', time });

describe('outbox backlog: what the gauges report, read from the real MongoDB-wire server', () => {
  it('counts every pending event and ages the oldest from an injected clock', async () => {
    const database = `outbox_backlog_${randomUUID().slice(0, 8)}`;
    const backlog = await withDatabase(database, async (db) => {
      await db
        .collection<{ _id: string }>('things')
        .insertMany([
          { _id: 'a', outbox: [event('2026-03-01T10:00:00.000Z'), event('2026-03-01T10:00:05.000Z')] },
          { _id: 'b', outbox: [event('2026-03-01T09:59:30.000Z')] },
          { _id: 'c', outbox: [] },
          { _id: 'd' },
        ] as never[]);
      await db.collection<{ _id: string }>('others').insertOne({ _id: 'e', outbox: [] } as never);
      const now = new Date('2026-03-01T10:01:00.000Z');
      // Bounded: past `limit` aggregates the count is a lower bound, never the whole collection read.
      const [bounded] = await readOutboxBacklog(db, ['things'], now, 1);
      expect([1, 2]).toContain(bounded!.events);
      return readOutboxBacklog(db, ['things', 'others', 'missing'], now);
    });
    expect(backlog).toEqual([
      { collection: 'things', events: 3, oldestAgeSeconds: 90 },
      { collection: 'others', events: 0, oldestAgeSeconds: 0 },
      { collection: 'missing', events: 0, oldestAgeSeconds: 0 },
    ]);
  });
});
