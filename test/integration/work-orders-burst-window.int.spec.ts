import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, systemActor, type CommandContext } from '@courtyard/kernel';
import type { HelpRequestRecord } from '../../services/work-orders/src/domain/records.js';
import { IncidentsRepository } from '../../services/work-orders/src/repository/incidents.repository.js';
import { createModels, type WorkOrdersModels } from '../../services/work-orders/src/repository/models.js';

/**
 * The burst window against the real MongoDB-wire server (no transactions): complaints counted at
 * the same moment, each on its own connection, as replicas of work-orders would, raise one
 * incident, and every one of them is linked to it.
 */
describe('work-orders burst window on the real store: concurrent intakes crossing the threshold', () => {
  const database = `wo_bursts_${randomUUID().slice(0, 8)}`;
  const connections: mongoose.Connection[] = [];
  let replicas: Array<{ models: WorkOrdersModels; incidents: IncidentsRepository }>;

  beforeAll(async () => {
    replicas = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const connection = await mongoose
          .createConnection(process.env.MONGO_URL!, { dbName: database })
          .asPromise();
        connections.push(connection);
        const models = await createModels(connection);
        return { models, incidents: new IncidentsRepository(models, new AggregateWriter(() => undefined)) };
      }),
    );
  });
  afterAll(async () => {
    await connections[0]?.dropDatabase();
    await Promise.all(connections.map((connection) => connection.close()));
  });

  const complaint = (propertyId: string): HelpRequestRecord =>
    ({ _id: randomUUID(), propertyId, type: 'COMPLAINT', category: 'ELEVATOR' }) as HelpRequestRecord;
  const at = (now: Date): CommandContext => ({ actor: systemActor('test-desk'), now, newId: randomUUID });

  it('six VIP complaints at once after two: one incident, all eight linked, raised once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const propertyId = randomUUID();
      const now = new Date();
      const [first, second] = [complaint(propertyId), complaint(propertyId)];
      await replicas[0]!.incidents.countComplaint(first, true, at(now));
      await replicas[0]!.incidents.countComplaint(second, false, at(now));
      const together = replicas.map(() => complaint(propertyId));
      await Promise.all(
        together.map((request, i) => replicas[i]!.incidents.countComplaint(request, true, at(now))),
      );

      const incidents = await replicas[0]!.models.Incident.find({ propertyId }).lean();
      expect(incidents).toHaveLength(1);
      expect([...incidents[0]!.helpRequestIds].sort()).toEqual(
        [first, second, ...together].map((request) => request._id).sort(),
      );
      // No relay runs here: the raised event is still in the incident's outbox, once.
      const { outbox } = incidents[0] as unknown as { outbox: Array<{ type: string }> };
      expect(outbox.filter((event) => event.type === 'incident.raised.v1')).toHaveLength(1);
    }
  });
});
