import type { Model } from 'mongoose';
import { DomainError, isDuplicateKeyError } from '../errors.js';
import type { CloudEvent } from '../events/envelope.js';

/** Every aggregate document: a string id, an optimistic-concurrency version, its pending events. */
export interface AggregateDocument {
  _id: string;
  version: number;
  outbox?: CloudEvent[];
}

export type DuplicateKeyMapper = (keyValue: Record<string, unknown>) => DomainError;

/**
 * The single way domain state is written: the change and its events land in one document
 * update (no transactions needed, so it holds on the local wire server and real MongoDB
 * alike), then the relay is told to publish them.
 */
export class AggregateWriter {
  constructor(private readonly notify: (collection: string, id: string) => void) {}

  async insert<T extends AggregateDocument>(
    model: Model<T>,
    document: Omit<T, 'outbox' | 'version'>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
  ): Promise<T> {
    const stored = { ...document, version: 1, outbox: events } as unknown as T;
    try {
      await model.collection.insertOne(stored as never);
    } catch (error) {
      throw mapDuplicate(error, onDuplicate);
    }
    this.notify(model.collection.collectionName, document._id);
    return { ...stored, outbox: [] };
  }

  /**
   * Applies `set` if the stored version is still `expectedVersion`; otherwise someone else
   * changed the aggregate first and the caller gets CONFLICT (nothing is written).
   */
  async update<T extends AggregateDocument>(
    model: Model<T>,
    id: string,
    expectedVersion: number,
    set: Partial<Omit<T, '_id' | 'version' | 'outbox'>>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
    /** Entries appended to array fields: an append-only history is never rewritten. */
    append: Record<string, unknown[]> = {},
  ): Promise<number> {
    const push: Record<string, { $each: unknown[] }> = {};
    for (const [field, entries] of Object.entries(append)) {
      if (entries.length > 0) push[field] = { $each: entries };
    }
    if (events.length > 0) push.outbox = { $each: events };
    let matched: number;
    try {
      const result = await model.collection.updateOne(
        { _id: id, version: expectedVersion } as never,
        {
          $set: set,
          $inc: { version: 1 },
          ...(Object.keys(push).length > 0 ? { $push: push } : {}),
        } as never,
      );
      matched = result.matchedCount;
    } catch (error) {
      throw mapDuplicate(error, onDuplicate);
    }
    if (matched !== 1) {
      throw new DomainError(
        'CONFLICT',
        'STALE_VERSION',
        'The record was changed by someone else; reload and retry',
        {
          id,
          expectedVersion,
        },
      );
    }
    if (events.length > 0) this.notify(model.collection.collectionName, id);
    return expectedVersion + 1;
  }
}

function mapDuplicate(error: unknown, onDuplicate?: DuplicateKeyMapper): unknown {
  if (!isDuplicateKeyError(error)) return error;
  const keyValue = (error.keyValue ?? {}) as Record<string, unknown>;
  return onDuplicate
    ? onDuplicate(keyValue)
    : new DomainError('CONFLICT', 'DUPLICATE_KEY', 'A record with the same key already exists', { keyValue });
}
