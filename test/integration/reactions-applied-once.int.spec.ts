import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  AggregateWriter,
  CAUSED_BY_LIMIT,
  createEvent,
  createKafka,
  createLogger,
  DomainError,
  ensureTopics,
  PROCESSED_EVENTS_COLLECTION,
  ReactionAlreadyApplied,
  startIdempotentConsumer,
  TOPICS,
  type AggregateDocument,
  type ConsumeOutcome,
  type IdempotentConsumer,
  type ReactionContext,
} from '@courtyard/kernel';
import { eventually } from '../support/subgraph.js';

interface Tally extends AggregateDocument {
  count: number;
}

const logger = createLogger('reactions-test', 'silent');
const kafka = createKafka('reactions-test', process.env.KAFKA_BROKERS!.split(','), logger);

describe('AggregateWriter: an effect carries the event that caused it', () => {
  let connection: mongoose.Connection;
  let Tally: mongoose.Model<Tally>;
  const writer = new AggregateWriter(() => undefined);
  const tally = (id: string) => Tally.collection.findOne({ _id: id } as never) as Promise<Tally | null>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `reactions_${randomUUID().slice(0, 8)}` })
      .asPromise();
    Tally = connection.model<Tally>(
      'Tally',
      new mongoose.Schema({ _id: String }, { strict: false }),
      'tallies',
    );
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('updateEach: many version-checked updates in one bulk write; a stale one changes nothing, the rest carry their events', async () => {
    const notified: string[] = [];
    const bulk = new AggregateWriter((_, id) => notified.push(id));
    for (const id of ['b1', 'b2', 'b3']) await bulk.insert(Tally, { _id: id, count: 0 }, []);
    await bulk.update(Tally, 'b2', 1, { count: 5 }, []); // someone else changed b2 first
    const event = (id: string) =>
      createEvent('test', { type: 'thing.counted.v1', subject: id, data: {}, time: new Date('2026-01-01') });
    const applied = await bulk.updateEach(
      Tally,
      ['b1', 'b2', 'b3'].map((id) => ({
        id,
        expectedVersion: 1,
        set: { count: 1 },
        events: [event(id)],
        append: { history: [`scan:${id}`] },
      })),
    );
    expect(applied).toBe(2);
    const [b1, b2, b3] = await Promise.all(['b1', 'b2', 'b3'].map(tally));
    expect(b1).toMatchObject({ version: 2, count: 1, history: ['scan:b1'] });
    expect(b1!.outbox).toHaveLength(1);
    expect(b2).toMatchObject({ version: 2, count: 5 });
    expect(b2!.outbox ?? []).toHaveLength(0);
    expect(b3).toMatchObject({ version: 2, count: 1 });
    expect(await bulk.updateEach(Tally, [])).toBe(0);
    expect(notified).toEqual(['b1', 'b2', 'b3']);
  });

  it('applies an update once per causing event; a replay is "already applied", a stale version a CONFLICT', async () => {
    await writer.insert(Tally, { _id: 't1', count: 0 }, []);
    expect(await writer.update(Tally, 't1', 1, { count: 1 }, [], undefined, {}, { causationId: 'e1' })).toBe(
      2,
    );
    // The replay reads the current version and decides again; only the causation stops it.
    await expect(
      writer.update(Tally, 't1', 2, { count: 2 }, [], undefined, {}, { causationId: 'e1' }),
    ).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    await expect(
      writer.update(Tally, 't1', 1, { count: 2 }, [], undefined, {}, { causationId: 'e2' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await tally('t1')).toMatchObject({ version: 2, count: 1, causedBy: ['e1'] });
  });

  it('recognises the replayed creation of a record whose id derives from the event', async () => {
    await writer.insert(Tally, { _id: 't2', count: 1 }, [], undefined, { causationId: 'e1' });
    await expect(
      writer.insert(Tally, { _id: 't2', count: 1 }, [], undefined, { causationId: 'e1' }),
    ).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    // Another event claiming the same id is a genuine duplicate, not a replay.
    const other = writer.insert(Tally, { _id: 't2', count: 9 }, [], undefined, { causationId: 'e2' });
    await expect(other).rejects.toBeInstanceOf(DomainError);
    await expect(other).rejects.toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_KEY' });
    expect(await tally('t2')).toMatchObject({ version: 1, count: 1, causedBy: ['e1'] });
  });

  it(`keeps the last ${CAUSED_BY_LIMIT} causing event ids`, async () => {
    await writer.insert(Tally, { _id: 't3', count: 0 }, []);
    for (let n = 1; n <= CAUSED_BY_LIMIT + 5; n += 1) {
      await writer.update(Tally, 't3', n, { count: n }, [], undefined, {}, { causationId: `e${n}` });
    }
    const stored = await tally('t3');
    expect(stored?.causedBy).toHaveLength(CAUSED_BY_LIMIT);
    expect(stored?.causedBy?.[0]).toBe('e6');
    expect(stored?.causedBy?.at(-1)).toBe(`e${CAUSED_BY_LIMIT + 5}`);
  });

  describe('through the idempotent consumer', () => {
    const consumers: IdempotentConsumer[] = [];
    const producer = kafka.producer();
    afterAll(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await producer.disconnect();
    });

    it('replays every event to "duplicate" when the processed marks are lost, and decides the same ids', async () => {
      const topic = `test.reactions.${randomUUID().slice(0, 8)}`;
      await ensureTopics(kafka, [topic, TOPICS.deadLetter]);
      await writer.insert(Tally, { _id: 'counter', count: 0 }, []);
      const counted = (subject: string) =>
        createEvent('test', { type: 'thing.counted.v1', subject, data: {}, time: new Date('2026-01-01') });
      const [a, b] = [counted('counter'), counted('counter')];
      await producer.connect();
      // `a` twice: a republished duplicate carries the same id.
      await producer.send({
        topic,
        messages: [a, b, a].map((event) => ({ key: 'counter', value: JSON.stringify(event) })),
      });

      const clock = () => new Date('2026-06-01T00:00:00Z');
      const consume = async (groupId: string) => {
        const outcomes: ConsumeOutcome[] = [];
        const commands: ReactionContext[] = [];
        consumers.push(
          await startIdempotentConsumer({
            kafka,
            db: connection.db!,
            groupId,
            topics: [topic],
            actor: 'tally',
            clock,
            handlers: {
              'thing.counted.v1': async (_event, command) => {
                commands.push(command);
                const current = (await tally('counter'))!;
                await writer.update(
                  Tally,
                  'counter',
                  current.version,
                  { count: current.count + 1 },
                  [],
                  undefined,
                  {},
                  {
                    causationId: command.causationId,
                  },
                );
              },
            },
            deadLetterTopic: TOPICS.deadLetter,
            maxAttempts: 3,
            logger,
            onOutcome: (_event, outcome) => outcomes.push(outcome),
          }),
        );
        await eventually(async () => outcomes.length >= 3, 60_000);
        return { outcomes, commands };
      };

      const first = await consume(`reactions-${randomUUID()}`);
      expect(first.outcomes).toEqual(['applied', 'applied', 'duplicate']);
      expect(first.commands.map(({ actor, now, causationId }) => ({ actor, now, causationId }))).toEqual(
        [a, b].map((event) => ({
          actor: { subject: 'tally', role: 'SYSTEM', propertyIds: ['*'] },
          now: clock(),
          causationId: event.id,
        })),
      );
      expect(await tally('counter')).toMatchObject({ count: 2, causedBy: [a.id, b.id] });

      // As if every consumer had crashed after its write: no marks, no committed offsets.
      await connection.db!.collection(PROCESSED_EVENTS_COLLECTION).deleteMany({});
      const replay = await consume(`reactions-${randomUUID()}`);
      expect(replay.outcomes).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await tally('counter')).toMatchObject({ count: 2, version: 3, causedBy: [a.id, b.id] });
      const firstIds = first.commands.map((command) => [command.newId(), command.newId()]);
      const replayIds = replay.commands.slice(0, 2).map((command) => [command.newId(), command.newId()]);
      expect(replayIds).toEqual(firstIds);
    });
  });
});
