import type { mongo } from 'mongoose';

/**
 * Allocates the next value of a named counter atomically, never reusing one. Reads the
 * document *before* the increment: the local wire server can return repeated values with
 * `returnDocument: 'after'` under concurrency (research §B.0), `'before'` is exact everywhere.
 */
export async function nextSequence(db: mongo.Db, name: string): Promise<number> {
  const before = await db
    .collection<{ _id: string; value: number }>('sequences')
    .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'before' });
  return (before?.value ?? 0) + 1;
}
