import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/**
 * One query for any number of ids, per request. Values come back in key order with null for a
 * miss (DataLoader's contract); pending outboxes are never loaded into request memory.
 */
export function loaderById<T extends { _id: string }>(model: Model<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const docs = (await model.find({ _id: { $in: [...ids] } }, { outbox: 0 }).lean()) as T[];
    const found = new Map(docs.map((doc) => [doc._id, doc]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
