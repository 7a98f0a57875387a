import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, sequentialIds, type CommandContext } from '@courtyard/kernel';
import { updateResident } from '../../services/residents/src/domain/resident-changes.js';
import type { ResidentRecord } from '../../services/residents/src/domain/records.js';
import { createLoaders } from '../../services/residents/src/repository/loaders.js';
import { createModels, type ResidentsModels } from '../../services/residents/src/repository/models.js';
import { ResidentsRepository } from '../../services/residents/src/repository/residents.repository.js';

const desk: CommandContext = {
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] },
  now: new Date('2026-12-01T09:30:00Z'),
  newId: sequentialIds(),
};

describe('a resident’s change on the real MongoDB-wire server: state, history and event in one write', () => {
  let connection: mongoose.Connection;
  let models: ResidentsModels;
  let repository: ResidentsRepository;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `residents_changes_${randomUUID().slice(0, 8)}` })
      .asPromise();
    models = await createModels(connection);
    repository = new ResidentsRepository(models, new AggregateWriter(() => undefined), createLoaders(models));
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('writes the change with its history entry and event; a change decided on a stale read is CONFLICT and writes nothing', async () => {
    const resident: ResidentRecord = {
      _id: randomUUID(),
      version: 1,
      createdAt: desk.now,
      propertyId: 'p1',
      name: 'Li Wei',
      kind: 'OWNER',
      phone: '13812345678',
      idDocumentNumber: null,
      vip: false,
      preferredContactChannel: null,
      history: [],
    };
    await models.Resident.collection.insertOne({ ...resident, outbox: [] } as never);

    const saved = await repository.saveResidentUpdate(
      resident,
      updateResident({ residentId: resident._id, vip: true }, resident, desk),
    );
    expect(saved).toMatchObject({ vip: true, version: 2 });
    // The same stale read (version 1) decides another change: someone changed it since.
    await expect(
      repository.saveResidentUpdate(
        resident,
        updateResident({ residentId: resident._id, kind: 'TENANT' }, resident, desk),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const stored = await models.Resident.collection.findOne({ _id: resident._id } as never);
    expect(stored).toMatchObject({
      version: 2,
      kind: 'OWNER',
      vip: true,
      history: [{ actorId: 'desk-1', changes: [{ field: 'vip', from: 'false', to: 'true' }] }],
      outbox: [{ type: 'resident.updated.v1', data: { changedFields: ['vip'], vip: true } }],
    });
  });
});
