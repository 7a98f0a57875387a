import { afterAll, beforeAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  AggregateWriter,
  inRequestScope,
  markCreatedUnder,
  type AggregateDocument,
  type CloudEvent,
} from '@courtyard/kernel';

/**
 * The kernel's `AggregateWriter` on a scratch database of the real MongoDB-wire server, for the
 * suites that test what it writes under an idempotency key: a schemaless `things` collection, the
 * aggregates it announced, and a way to run code as the first attempt or the re-run of a key.
 * Registers its own `beforeAll` / `afterAll` (the database is dropped at the end).
 */
export function scratchWriter<T extends AggregateDocument>(label: string) {
  let connection: mongoose.Connection | undefined;
  let model: mongoose.Model<T> | undefined;
  const notified: string[] = [];
  const writer = new AggregateWriter((_, id) => notified.push(id));

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${label}_${randomUUID().slice(0, 8)}` })
      .asPromise();
    // Schemaless, as the suites write whatever shape they test; typed as the suite's aggregate.
    const schema = new mongoose.Schema({ _id: String }, { strict: false });
    model = connection.model('Thing', schema, 'things') as unknown as mongoose.Model<T>;
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const underKey = <R>(scope: string, rerun: boolean, run: () => Promise<R>) =>
    inRequestScope(() => {
      markCreatedUnder(scope, { rerun });
      return run();
    });
  const things = (): mongoose.Model<T> => {
    if (!model) throw new Error('scratchWriter: used before its beforeAll ran');
    return model;
  };
  return {
    writer,
    notified,
    things,
    /** An event about aggregate `id` with a fresh id: only its id and subject matter to the writer. */
    event: (id: string) => ({ id: `event-${randomUUID()}`, subject: id }) as unknown as CloudEvent,
    /** `run` as the first attempt of a request holding idempotency key `scope`. */
    underKey: <R>(scope: string, run: () => Promise<R>) => underKey(scope, false, run),
    /** `run` as the re-run of `scope`: the key taken over after its lease ran out with no answer. */
    rerunUnderKey: <R>(scope: string, run: () => Promise<R>) => underKey(scope, true, run),
    /** The document as stored, outbox and causation ids included. */
    stored: async (id: string) => (await things().collection.findOne({ _id: id } as never)) as unknown as T,
  };
}
