import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, type AggregateDocument, type CloudEvent } from '@courtyard/kernel';

interface Slot extends AggregateDocument {
  period: string;
}

/**
 * `AggregateWriter.insertAbsent` on the real MongoDB-wire server: records keyed by what they are
 * (a maintenance task by plan, facility and period) are stored once however often, and by
 * however many writers at once, they are written; each stored one with its events.
 */
describe('AggregateWriter.insertAbsent', () => {
  let connection: mongoose.Connection;
  let Slot: mongoose.Model<Slot>;
  const notified: string[] = [];
  const writer = new AggregateWriter((_, id) => notified.push(id));
  const item = (id: string) => ({
    document: { _id: id, period: id },
    // Stored in the outbox of a collection no relay reads: only its presence is checked.
    events: [{ id: `event-${id}`, subject: id } as unknown as CloudEvent],
  });

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `insert_absent_${randomUUID().slice(0, 8)}` })
      .asPromise();
    Slot = connection.model<Slot>('Slot', new mongoose.Schema({ _id: String }, { strict: false }), 'slots');
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('inserts only what is not stored, reports it, and stores nothing twice under concurrent writers', async () => {
    expect(await writer.insertAbsent(Slot, [item('a'), item('b')])).toEqual(['a', 'b']);
    expect(notified).toEqual(['a', 'b']);
    expect(await writer.insertAbsent(Slot, [item('a'), item('b'), item('c')])).toEqual(['c']);
    const batch = Array.from({ length: 50 }, (_, i) => item(`x${i}`));
    const [first, second] = await Promise.all([
      writer.insertAbsent(Slot, batch),
      writer.insertAbsent(Slot, batch),
    ]);
    expect(new Set([...first, ...second]).size).toBeLessThanOrEqual(50);
    expect(await Slot.countDocuments({})).toBe(53);
    const stored = (await Slot.collection.findOne({ _id: 'x7' } as never)) as Slot | null;
    expect(stored).toMatchObject({
      version: 1,
      period: 'x7',
      outbox: [expect.objectContaining({ subject: 'x7' })],
    });
  });
});
