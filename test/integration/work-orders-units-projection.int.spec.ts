import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, ReactionAlreadyApplied } from '@courtyard/kernel';
import { onUnitCreated } from '../../services/work-orders/src/events/consumers/unit.created.v1.js';
import { createModels, type WorkOrdersModels } from '../../services/work-orders/src/repository/models.js';
import { UnitProjection } from '../../services/work-orders/src/repository/unit-projection.repository.js';
import { exampleEvent, feed } from '../support/handler-harness.js';

describe('work-orders units projection on the real MongoDB-wire server: each event applied once', () => {
  let connection: mongoose.Connection;
  let models: WorkOrdersModels;
  let projection: UnitProjection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `wo_units_${randomUUID().slice(0, 8)}` })
      .asPromise();
    models = await createModels(connection);
    projection = new UnitProjection(models, new AggregateWriter(() => undefined));
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('records the unit with its property; a replay is recognised as already applied and changes nothing', async () => {
    const unitId = randomUUID();
    const created = exampleEvent('unit.created.v1', {
      id: randomUUID(),
      data: { unitId, propertyId: 'p1', buildingId: 'b1', number: '3-1201' },
    });
    await feed(onUnitCreated(projection), created);
    await expect(feed(onUnitCreated(projection), created)).rejects.toBeInstanceOf(ReactionAlreadyApplied);

    expect(await models.Unit.countDocuments({ _id: unitId })).toBe(1);
    const known = await projection.unitsById([unitId, 'nobody']);
    expect([...known.keys()]).toEqual([unitId]);
    expect(known.get(unitId)).toMatchObject({
      propertyId: 'p1',
      buildingId: 'b1',
      number: '3-1201',
      version: 1,
    });
  });
});
