import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, ReactionAlreadyApplied, type CloudEvent } from '@courtyard/kernel';
import { residentsProjection } from '../../services/surveys/src/events/consumers/residents-projection.js';
import { CallBackStore } from '../../services/surveys/src/repository/call-backs.repository.js';
import { HouseholdStore } from '../../services/surveys/src/repository/households.repository.js';
import { createModels, type SurveysModels } from '../../services/surveys/src/repository/models.js';
import { PublishedResultsStore } from '../../services/surveys/src/repository/published-results.repository.js';
import { exampleEvent, feed } from '../support/handler-harness.js';

/**
 * Surveys reads residents.events in one consumer group: one handler map for the call-back
 * schedules, the occupancy campaigns ask and who lives where. Every event delivered twice (as a
 * redelivery after a crash, or the group's first catch-up over what the former groups applied)
 * has its effect once, on the real MongoDB-wire server.
 */
describe('surveys residents projection: every residents event delivered twice, applied once', () => {
  let connection: mongoose.Connection;
  let models: SurveysModels;
  let handlers: ReturnType<typeof residentsProjection>;
  let nudges = 0;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `surveys_residents_${randomUUID().slice(0, 8)}` })
      .asPromise();
    models = await createModels(connection);
    const writer = new AggregateWriter(() => undefined);
    handlers = residentsProjection(
      {
        callBacks: new CallBackStore(models, writer),
        households: new HouseholdStore(models, writer),
        residents: new PublishedResultsStore(models, writer),
      },
      () => void (nudges += 1),
    );
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('one schedule, one unit, one resident, one household with the right members, however often the events come', async () => {
    const propertyId = randomUUID();
    const unitId = randomUUID();
    const buildingId = randomUUID();
    const householdId = randomUUID();
    const [owner, tenant] = [randomUUID(), randomUUID()];
    const id = () => ({ id: randomUUID() });
    const events: CloudEvent[] = [
      exampleEvent('property.created.v1', { ...id(), data: { propertyId } }),
      exampleEvent('unit.created.v1', { ...id(), data: { unitId, propertyId, buildingId } }),
      exampleEvent('resident.registered.v1', { ...id(), data: { residentId: owner, propertyId } }),
      exampleEvent('resident.moved_in.v1', {
        ...id(),
        data: { householdId, unitId, propertyId, residentId: owner, relation: 'OWNER' },
      }),
      exampleEvent('resident.moved_in.v1', {
        ...id(),
        data: { householdId, unitId, propertyId, residentId: tenant, relation: 'TENANT' },
      }),
      exampleEvent('resident.moved_out.v1', {
        ...id(),
        data: { householdId, unitId, propertyId, residentId: owner },
      }),
    ];
    for (const e of events) await feed(handlers[e.type]!, e);
    // The same events again, in the same order: each is recognised by its cause (the consumer
    // settles it as a duplicate), including the owner's move-in after their move-out.
    for (const e of events) {
      await expect(feed(handlers[e.type]!, e)).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    }

    const schedules = await models.CallBackSchedule.find({ _id: propertyId }).lean();
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ version: 1 });
    expect(nudges).toBe(1);
    expect(await models.Unit.find({ _id: unitId }).lean()).toEqual([
      expect.objectContaining({ propertyId, buildingId, version: 1 }),
    ]);
    expect(await models.ResidentOfProperty.find({ _id: owner }).lean()).toEqual([
      expect.objectContaining({ propertyId, version: 1 }),
    ]);
    const household = await models.Household.findOne({ _id: householdId }).lean();
    expect(household).toMatchObject({ propertyId, unitId, version: 3 });
    expect(household!.members.map((m) => m.residentId)).toEqual([tenant]);
    // What campaigns see: the household occupied, the tenant answering for it, in its building.
    expect(
      await new HouseholdStore(models, new AggregateWriter(() => undefined)).occupied(propertyId),
    ).toEqual([{ householdId, propertyId, respondentId: tenant, buildingId }]);
  });
});
