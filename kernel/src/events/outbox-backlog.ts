import type { mongo } from 'mongoose';
import type { OutboxBacklog } from '../server/metrics.js';

/** Aggregates read per collection at most: past it, the count is a lower bound (and says so in the docs). */
export const BACKLOG_SCAN_LIMIT = 10_000;

interface PendingTimes {
  _id: string;
  outbox?: Array<{ time?: string }>;
}

/**
 * The outbox backlog per collection: every pending event counted, and the age of the oldest
 * (an aggregate's events are appended in order, so its first is its oldest). Reads only the
 * events' times, of the documents the relay's sweep would find, at most `limit` of them.
 */
export async function readOutboxBacklog(
  db: mongo.Db,
  collections: readonly string[],
  now: Date,
  limit = BACKLOG_SCAN_LIMIT,
): Promise<OutboxBacklog[]> {
  return Promise.all(
    collections.map(async (collection) => {
      const docs = await db
        .collection<PendingTimes>(collection)
        .find({ 'outbox.0': { $exists: true } }, { projection: { 'outbox.time': 1 } })
        .limit(limit)
        .toArray();
      let events = 0;
      let oldest = Number.POSITIVE_INFINITY;
      for (const doc of docs) {
        const outbox = doc.outbox ?? [];
        events += outbox.length;
        const first = Date.parse(outbox[0]?.time ?? '');
        if (Number.isFinite(first)) oldest = Math.min(oldest, first);
      }
      const oldestAgeSeconds = Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0;
      return { collection, events, oldestAgeSeconds };
    }),
  );
}
