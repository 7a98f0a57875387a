import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, ReactionAlreadyApplied } from '@courtyard/kernel';
import { onResidentMovedIn } from '../../services/work-orders/src/events/consumers/resident.moved_in.v1.js';
import { onResidentRegistered } from '../../services/work-orders/src/events/consumers/resident.registered.v1.js';
import { onResidentUpdated } from '../../services/work-orders/src/events/consumers/resident.updated.v1.js';
import { createModels, type WorkOrdersModels } from '../../services/work-orders/src/repository/models.js';
import { ResidentProjection } from '../../services/work-orders/src/repository/resident-projection.repository.js';
import { exampleEvent, feed } from '../support/handler-harness.js';

describe('work-orders residents projection on the real MongoDB-wire server: each event applied once', () => {
  let connection: mongoose.Connection;
  let models: WorkOrdersModels;
  let projection: ResidentProjection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `wo_residents_${randomUUID().slice(0, 8)}` })
      .asPromise();
    models = await createModels(connection);
    projection = new ResidentProjection(models, new AggregateWriter(() => undefined));
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('a replayed registration or move is recognised as already applied and changes nothing', async () => {
    const residentId = randomUUID();
    const registered = exampleEvent('resident.registered.v1', {
      id: randomUUID(),
      data: { residentId, vip: true },
    });
    const movedIn = exampleEvent('resident.moved_in.v1', {
      id: randomUUID(),
      data: { residentId, unitId: 'u1', householdId: 'h1' },
    });
    // The move travels under the household's key and may come first.
    await feed(onResidentMovedIn(projection), movedIn);
    await feed(onResidentRegistered(projection), registered);
    await expect(feed(onResidentRegistered(projection), registered)).rejects.toBeInstanceOf(
      ReactionAlreadyApplied,
    );
    await expect(feed(onResidentMovedIn(projection), movedIn)).rejects.toBeInstanceOf(ReactionAlreadyApplied);

    const stored = await models.Resident.findOne({ _id: residentId }).lean();
    expect(stored).toMatchObject({ vip: true, unitId: 'u1', householdId: 'h1', version: 2 });
    // What the intake reads of its requester (the VIP flag of a complaint comes from it).
    expect(await projection.resident(residentId)).toMatchObject({ vip: true, unitId: 'u1' });
    expect(await projection.resident('nobody')).toBeNull();
  });

  it('a VIP change delivered twice is applied once: the replay is recognised and the flag stays', async () => {
    const residentId = randomUUID();
    await feed(
      onResidentRegistered(projection),
      exampleEvent('resident.registered.v1', { id: randomUUID(), data: { residentId, vip: false } }),
    );
    const madeVip = exampleEvent('resident.updated.v1', {
      id: randomUUID(),
      data: { residentId, vip: true, version: 2, changedFields: ['vip'] },
    });
    await feed(onResidentUpdated(projection), madeVip);
    await expect(feed(onResidentUpdated(projection), madeVip)).rejects.toBeInstanceOf(ReactionAlreadyApplied);

    const stored = await models.Resident.findOne({ _id: residentId }).lean<{
      vip: boolean;
      causedBy: string[];
    }>();
    expect(stored).toMatchObject({ vip: true, version: 2 });
    expect(stored?.causedBy.filter((cause) => cause === madeVip.id)).toHaveLength(1);
    expect(await projection.resident(residentId)).toMatchObject({ vip: true });
  });
});
