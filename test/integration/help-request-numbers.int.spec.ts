import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose, { type Model } from 'mongoose';
import {
  AggregateWriter,
  reserveNumber,
  type AggregateDocument,
  type CloudEvent,
  type DuplicateKeyMapper,
  type ReactionWrite,
} from '@courtyard/kernel';
import { formatNumber } from '../../services/work-orders/src/domain/intake.js';
import type { HelpRequestRecord } from '../../services/work-orders/src/domain/records.js';
import { createLoaders } from '../../services/work-orders/src/repository/loaders.js';
import { createModels, type WorkOrdersModels } from '../../services/work-orders/src/repository/models.js';
import {
  NUMBER_LEASE_MS,
  WorkOrdersRepository,
} from '../../services/work-orders/src/repository/work-orders.repository.js';
import { eventually } from '../support/subgraph.js';

const YEAR = 2026;
const counterOf = (propertyId: string) => `help-request:${propertyId}:${YEAR}`;

/**
 * The seam: a writer whose next help-request insert fails after the number was taken, the way
 * the database failing between the counter and the insert makes it fail, or in front of which
 * another writer's insert of the same number lands first (a slow attempt whose number was
 * issued again). Everything else is the real repository on the real wire server.
 */
class FaultyWriter extends AggregateWriter {
  next: null | 'fail' | ((document: { number: string; propertyId: string }) => Promise<void>) = null;

  constructor() {
    super(() => undefined);
  }

  override async insert<T extends AggregateDocument>(
    model: Model<T>,
    document: Omit<T, 'outbox' | 'version' | 'causedBy'>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
    reaction?: ReactionWrite,
  ): Promise<T> {
    const fault = this.next;
    this.next = null;
    if (fault === 'fail')
      throw Object.assign(new Error('connection reset by peer'), { name: 'MongoNetworkError' });
    if (fault) await fault(document as unknown as { number: string; propertyId: string });
    return super.insert(model, document, events, onDuplicate, reaction);
  }
}

describe('help-request numbers on the real store: a failed insert does not burn its number', () => {
  const database = `wo_numbers_${randomUUID().slice(0, 8)}`;
  let connection: mongoose.Connection;
  let models: WorkOrdersModels;
  let writer: FaultyWriter;
  let repository: WorkOrdersRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: database }).asPromise();
    models = await createModels(connection);
    writer = new FaultyWriter();
    repository = new WorkOrdersRepository(models, connection.db!, writer, createLoaders(models));
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const request = (propertyId: string, number: string, now: Date): HelpRequestRecord =>
    ({ _id: randomUUID(), propertyId, number, createdAt: now }) as unknown as HelpRequestRecord;
  const intake = (propertyId: string, now: Date) =>
    repository.insertNumbered(propertyId, YEAR, now, (number) => ({
      record: request(propertyId, number, now),
      events: [],
    }));
  /** The property's register: the numbers its requests carry, in order. */
  const register = async (propertyId: string) =>
    ((await models.HelpRequest.find({ propertyId }, { number: 1 }).lean()) as Array<{ number: string }>)
      .map((r) => r.number)
      .sort();
  const numbers = (count: number) => Array.from({ length: count }, (_, i) => formatNumber(YEAR, i + 1));

  it('an insert that fails after its number was taken gives the number to the next intake', async () => {
    const propertyId = randomUUID();
    const now = new Date('2026-12-02T00:00:00Z');
    expect((await intake(propertyId, now)).number).toBe(formatNumber(YEAR, 1));
    writer.next = 'fail';
    await expect(intake(propertyId, now)).rejects.toThrow('connection reset by peer');
    // The attempt saw its failure and gave the number back: the next intake gets it at once.
    expect((await intake(propertyId, now)).number).toBe(formatNumber(YEAR, 2));
    expect((await intake(propertyId, now)).number).toBe(formatNumber(YEAR, 3));
    expect(await register(propertyId)).toEqual(numbers(3));
  });

  it('a number whose attempt died before giving it back is issued again once its lease is over', async () => {
    const propertyId = randomUUID();
    const t0 = new Date('2026-12-02T00:00:00Z');
    await intake(propertyId, t0);
    // An attempt takes 2 and dies (process killed, database gone) before writing or giving it back.
    const dead = await reserveNumber(connection.db!, counterOf(propertyId), {
      now: t0,
      leaseMs: NUMBER_LEASE_MS,
      isHeld: async () => false,
    });
    expect(dead.number).toBe(2);
    const during = new Date(t0.getTime() + NUMBER_LEASE_MS - 1);
    expect((await intake(propertyId, during)).number).toBe(formatNumber(YEAR, 3));
    const after = new Date(t0.getTime() + NUMBER_LEASE_MS);
    const reissued = await intake(propertyId, after);
    expect(reissued.number).toBe(formatNumber(YEAR, 2));
    expect((await intake(propertyId, after)).number).toBe(formatNumber(YEAR, 4));
    // No gap; number 2 was recorded after number 3 (a reissued number is a little older).
    expect(await register(propertyId)).toEqual(numbers(4));
    // Every reservation is let go: the last release is written on its own once no intake took it along.
    const counter = await eventually(async () => {
      const read = await connection
        .db!.collection('sequences')
        .findOne({ _id: counterOf(propertyId) } as never);
      return Object.keys(read?.reservations ?? { pending: true }).length === 0 && read;
    });
    expect(counter).toMatchObject({ value: 4, reservations: {} });
  });

  it('a slow attempt and the intake its number was reissued to: one keeps it, the other takes a fresh one', async () => {
    const propertyId = randomUUID();
    const now = new Date('2026-12-02T00:00:00Z');
    await intake(propertyId, now);
    // Just before this insert, another writer stores a request under the very same number.
    let slow: HelpRequestRecord | undefined;
    writer.next = async ({ number }) => {
      slow = request(propertyId, number, now);
      await models.HelpRequest.collection.insertOne({ ...slow, version: 1 } as never);
    };
    const second = await intake(propertyId, now);
    expect(slow?.number).toBe(formatNumber(YEAR, 2));
    expect(second.number).toBe(formatNumber(YEAR, 3));
    expect(await register(propertyId)).toEqual(numbers(3));
  });

  it('twenty concurrent intakes, one failing: unique numbers, and the next intake closes the gap', async () => {
    const propertyId = randomUUID();
    const now = new Date('2026-12-02T00:00:00Z');
    writer.next = 'fail';
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => intake(propertyId, now)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    // The failed one's number (any of 1..20, given back when it failed) goes to the next intake.
    await intake(propertyId, now);
    expect(await register(propertyId)).toEqual(numbers(20));
  });
});
