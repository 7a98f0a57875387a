import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from '@courtyard/kernel';
import type { Position } from '../domain/first-folds.js';

export const SEEN_EVENTS_COLLECTION = 'seen_events';

/** One event id and where it was first folded. `_id` is the event id, so the unique index is it. */
export interface SeenEventDocument extends Position {
  _id: string;
  /** When it was recorded (or moved): records older than the retention are pruned. */
  at: Date;
}

export type Sighting = { eventId: string } & Position;

const positionOf = ({ topic, partition, offset }: Position): Position => ({ topic, partition, offset });

/**
 * Every event id the consumer folded, with where: kept apart from the state document (which must
 * stay small to be rewritten every batch) and written before it, so the state alone decides what
 * was counted (`isRepeat`). Unbounded in distance, bounded in time by the retention.
 */
export class SeenEventsRepository {
  private readonly collection: mongo.Collection<SeenEventDocument>;

  constructor(db: mongo.Db) {
    this.collection = db.collection<SeenEventDocument>(SEEN_EVENTS_COLLECTION);
  }

  /**
   * The TTL index: MongoDB deletes records past the retention itself. The local wire server
   * accepts it and never expires anything, hence `prune` on a beat as well. A changed retention
   * changes the index in place (`collMod`), as MongoDB refuses a second index on the same key.
   */
  async createIndexes(retentionMs: number): Promise<void> {
    const expireAfterSeconds = Math.ceil(retentionMs / 1000);
    try {
      await this.collection.createIndex({ at: 1 }, { name: 'at_ttl', expireAfterSeconds });
    } catch (error) {
      if ((error as { codeName?: unknown }).codeName !== 'IndexOptionsConflict') throw error;
      await this.collection.db.command({
        collMod: SEEN_EVENTS_COLLECTION,
        index: { name: 'at_ttl', expireAfterSeconds },
      });
    }
  }

  /**
   * Records each id at its position unless it was recorded before, and returns where every one
   * of them is recorded now. One unordered insert; only when some ids exist already, one read.
   */
  async record(sightings: readonly Sighting[], at: Date): Promise<Map<string, Position>> {
    const recorded = new Map<string, Position>();
    let missing = sightings;
    for (let attempt = 1; missing.length > 0; attempt += 1) {
      try {
        await this.collection.insertMany(
          missing.map(({ eventId, ...position }) => ({ _id: eventId, ...positionOf(position), at })),
          { ordered: false },
        );
        for (const { eventId, ...position } of missing) recorded.set(eventId, positionOf(position));
        return recorded;
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt === 3) throw error;
      }
      // Reads back the ones inserted just now too; any still missing (a store that stopped at the
      // first duplicate) are inserted again.
      const found = await this.collection
        .find({ _id: { $in: missing.map(({ eventId }) => eventId) } })
        .toArray();
      for (const document of found) recorded.set(document._id, positionOf(document));
      missing = missing.filter(({ eventId }) => !recorded.has(eventId));
    }
    return recorded;
  }

  /** Moves records to where their events were folded after all (the first attempt never was). */
  async move(sightings: readonly Sighting[], at: Date): Promise<void> {
    if (sightings.length === 0) return;
    await this.collection.bulkWrite(
      sightings.map(({ eventId, ...position }) => ({
        updateOne: {
          filter: { _id: eventId },
          update: { $set: { ...positionOf(position), at } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Deletes records made before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    const { deletedCount } = await this.collection.deleteMany({ at: { $lt: before } });
    return deletedCount;
  }
}
