import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  SeenEventsRepository,
  SEEN_EVENTS_COLLECTION,
  type SeenEventDocument,
} from '../src/repository/seen-events.repository.js';
import { SeenEventsPruning } from '../src/scheduler/seen-events-pruning.js';

const database = `analytics_seen_${randomUUID().slice(0, 8)}`;
const DAY = 86_400_000;
const at = (offset: number) => ({ topic: 'workorders.events', partition: 1, offset: String(offset) });

describe('seen_events on the MongoDB-wire server', () => {
  let client: mongoose.mongo.MongoClient;
  let seen: SeenEventsRepository;

  beforeAll(async () => {
    client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    seen = new SeenEventsRepository(client.db(database));
  });
  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  // A changed retention takes `collMod` on MongoDB; the wire server's handling of a second TTL
  // index on the same key leaves the database undroppable, so that path is not run here.
  it('keeps the TTL index on `at` across starts', async () => {
    await seen.createIndexes(14 * DAY);
    await seen.createIndexes(14 * DAY);
    const indexes = await client.db(database).collection(SEEN_EVENTS_COLLECTION).indexes();
    expect(indexes.find(({ name }) => name === 'at_ttl')).toMatchObject({ key: { at: 1 } });
  });

  it('records new ids, returns where earlier ones were recorded, and moves one to where it was counted', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const now = new Date('2026-12-01T08:00:00Z');
    expect(await seen.record([{ eventId: a, ...at(3) }], now)).toEqual(new Map([[a, at(3)]]));
    const recorded = await seen.record(
      [
        { eventId: b, ...at(2_000) },
        { eventId: a, ...at(2_001) },
        { eventId: c, ...at(2_002) },
      ],
      now,
    );
    expect(recorded).toEqual(
      new Map([
        [b, at(2_000)],
        [a, at(3)],
        [c, at(2_002)],
      ]),
    );
    await seen.move([{ eventId: a, ...at(2_001) }], now);
    expect(await seen.record([{ eventId: a, ...at(9_999) }], now)).toEqual(new Map([[a, at(2_001)]]));
  });

  it('the prune at a given now deletes the records older than the retention and keeps the rest', async () => {
    const [old, fresh] = [randomUUID(), randomUUID()];
    await seen.record([{ eventId: old, ...at(10) }], new Date('2026-11-01T00:00:00Z'));
    await seen.record([{ eventId: fresh, ...at(11) }], new Date('2026-11-20T00:00:00Z'));
    const pruning = new SeenEventsPruning(seen, 14 * DAY);
    expect(await pruning.tick(new Date('2026-11-25T00:00:00Z'))).toBe(1);
    const left = await client
      .db(database)
      .collection<SeenEventDocument>(SEEN_EVENTS_COLLECTION)
      .find({ _id: { $in: [old, fresh] } })
      .toArray();
    expect(left.map(({ _id }) => _id)).toEqual([fresh]);
  });
});
