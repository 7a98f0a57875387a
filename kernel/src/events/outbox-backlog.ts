import type { mongo } from 'mongoose';
import type { OutboxBacklog } from '../server/metrics.js';

/** Aggregates counted per collection at most: past it, the count is a lower bound (and says so in the docs). */
export const BACKLOG_SCAN_LIMIT = 10_000;

interface BacklogFigures {
  events: number;
  oldest: string | null;
}

/**
 * The outbox backlog per collection: every pending event counted, and the age of the oldest
 * (an aggregate's events are appended in order, so its first is its oldest). The database does
 * the counting, over the documents the relay's sweep would find (the sparse `outbox.0` index
 * on MongoDB), at most `limit` of them, and answers one small document per collection: a scrape
 * during a broker outage does not pull ten thousand outboxes into the service's memory. Event
 * times are the envelope's ISO-8601 UTC strings, so the least string is the oldest time.
 */
export async function readOutboxBacklog(
  db: mongo.Db,
  collections: readonly string[],
  now: Date,
  limit = BACKLOG_SCAN_LIMIT,
): Promise<OutboxBacklog[]> {
  return Promise.all(
    collections.map(async (collection) => {
      const [figures] = await db
        .collection(collection)
        .aggregate<BacklogFigures>([
          { $match: { 'outbox.0': { $exists: true } } },
          { $limit: limit },
          {
            $group: {
              _id: null,
              events: { $sum: { $size: '$outbox' } },
              oldest: { $min: { $arrayElemAt: ['$outbox.time', 0] } },
            },
          },
        ])
        .toArray();
      const oldest = Date.parse(figures?.oldest ?? '');
      const oldestAgeSeconds = Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0;
      return { collection, events: figures?.events ?? 0, oldestAgeSeconds };
    }),
  );
}
