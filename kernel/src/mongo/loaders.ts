import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/**
 * The projection every read uses: pending outboxes belong to the relay and never enter request
 * memory (they can be large, and a resolver must not be able to leak an unpublished event).
 */
export const WITHOUT_OUTBOX = { outbox: 0 } as const;

/**
 * One query for any number of ids, per request. Values come back in key order with null for a
 * miss (DataLoader's contract).
 */
export function loaderById<T extends { _id: string }>(model: Model<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const docs = (await model.find({ _id: { $in: [...ids] } }, WITHOUT_OUTBOX).lean()) as T[];
    const found = new Map(docs.map((doc) => [doc._id, doc]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
