import type { mongo } from 'mongoose';

/** Where counters live, one document per counter, in each subgraph's own database. */
export const SEQUENCES_COLLECTION = 'sequences';

/**
 * Allocates the next value of a named counter atomically, never reusing one. Reads the
 * document *before* the increment: the local wire server can return repeated values with
 * `returnDocument: 'after'` under concurrency (research §B.0), `'before'` is exact everywhere.
 * A value taken here is lost if its record is then not written; a register that must have no
 * gaps takes its numbers with `reserveNumber` (reserved-sequence.ts) instead.
 */
export async function nextSequence(db: mongo.Db, name: string): Promise<number> {
  const before = await db
    .collection<{ _id: string; value: number }>(SEQUENCES_COLLECTION)
    .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'before' });
  return (before?.value ?? 0) + 1;
}
