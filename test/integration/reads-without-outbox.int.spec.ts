import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { systemActor } from '@courtyard/kernel';
import { createLoaders as residentsLoaders } from '../../services/residents/src/repository/loaders.js';
import { createModels as residentsModels } from '../../services/residents/src/repository/models.js';
import { ResidentsReads } from '../../services/residents/src/repository/residents.reads.js';
import { createLoaders as workOrdersLoaders } from '../../services/work-orders/src/repository/loaders.js';
import { createModels as workOrdersModels } from '../../services/work-orders/src/repository/models.js';
import { WorkOrdersReads } from '../../services/work-orders/src/repository/work-orders.reads.js';

/**
 * Pending outboxes never enter request memory: every read of both read APIs, against the real
 * wire server, over documents whose events are still waiting for the relay.
 */
const PENDING = [{ id: 'event-1', type: 'test.pending.v1', data: { secret: 'not published yet' } }];
const now = new Date();
const everyone = systemActor('outbox-test');
const page = { first: 10 };

/** The whole answer, connections included (their nodes are what a client gets). */
const carriesOutbox = (value: unknown) => JSON.stringify(value).includes('"outbox"');

async function nodesOf(connection: Promise<{ edges: Array<{ node: unknown }> }>) {
  const { edges } = await connection;
  expect(edges.length).toBeGreaterThan(0);
  return edges.map((edge) => edge.node);
}

describe('reads: no read path returns a document carrying its pending outbox', () => {
  const suffix = randomUUID().slice(0, 8);
  const connections: mongoose.Connection[] = [];
  const connect = async (name: string) => {
    const connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${name}_${suffix}` })
      .asPromise();
    connections.push(connection);
    return connection;
  };
  afterAll(() => Promise.all(connections.map((connection) => connection.close())));

  describe('residents', () => {
    let reads: () => ResidentsReads;
    let models: Awaited<ReturnType<typeof residentsModels>>;
    beforeAll(async () => {
      models = await residentsModels(await connect('residents_outbox'));
      const doc = { version: 1, createdAt: now, outbox: PENDING };
      const member = { residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-01', movedOutOn: null };
      await models.Property.collection.insertOne({ _id: 'p1', code: 'P1', ...doc } as never);
      await models.Building.collection.insertOne({ _id: 'b1', propertyId: 'p1', ...doc } as never);
      await models.Unit.collection.insertOne({
        _id: 'u1',
        propertyId: 'p1',
        buildingId: 'b1',
        ...doc,
      } as never);
      await models.Resident.collection.insertOne({
        _id: 'r1',
        propertyId: 'p1',
        kind: 'OWNER',
        phone: '13812345678',
        ...doc,
      } as never);
      await models.Household.collection.insertOne({
        _id: 'h1',
        propertyId: 'p1',
        unitId: 'u1',
        members: [member],
        ...doc,
      } as never);
      await models.PiiAccess.collection.insertOne({ _id: 'a1', propertyId: 'p1', ...doc } as never);
      reads = () => new ResidentsReads(models, residentsLoaders(models));
    });

    it('single reads, lookups and relations', async () => {
      const answers = await Promise.all([
        reads().propertyByCode('P1'),
        reads().resident(everyone, 'r1'),
        reads().household(everyone, 'h1'),
        reads().householdOfUnit(everyone, 'u1'),
        reads().householdsOf(everyone, 'r1'),
      ]);
      expect(answers.every((answer) => answer !== null)).toBe(true);
      expect(answers.filter(carriesOutbox)).toEqual([]);
    });

    it('every list', async () => {
      const lists = await Promise.all([
        nodesOf(reads().propertiesInScope(everyone, page)),
        nodesOf(reads().buildingsOf('p1', page)),
        nodesOf(reads().units({ propertyId: 'p1' }, {}, page)),
        nodesOf(reads().units({ buildingId: 'b1' }, {}, page)),
        nodesOf(reads().residents(everyone, 'p1', { phoneSuffix: '5678' }, page)),
        nodesOf(reads().piiAccessLog('p1', page)),
      ]);
      expect(lists.filter(carriesOutbox)).toEqual([]);
    });

    it('a units page and the households and residents it reads in the same command', async () => {
      const request = reads();
      const join = { households: true, residents: true };
      const lists = await Promise.all([
        nodesOf(request.units({ propertyId: 'p1' }, {}, page, join)),
        nodesOf(request.units({ buildingId: 'b1' }, {}, page, join)),
      ]);
      // What the page brought is served from the request's loaders: no further read.
      const households = jest.spyOn(models.Household, 'find');
      const residents = jest.spyOn(models.Resident, 'find');
      try {
        const relations = await Promise.all([
          request.householdOfUnit(everyone, 'u1'),
          request.resident(everyone, 'r1'),
        ]);
        expect(relations.map((relation) => relation?._id)).toEqual(['h1', 'r1']);
        expect([households.mock.calls.length, residents.mock.calls.length]).toEqual([0, 0]);
        expect([...lists, ...relations].filter(carriesOutbox)).toEqual([]);
      } finally {
        households.mockRestore();
        residents.mockRestore();
      }
    });
  });

  describe('work-orders', () => {
    let reads: () => WorkOrdersReads;
    beforeAll(async () => {
      const models = await workOrdersModels(await connect('work_orders_outbox'));
      const request = {
        version: 1,
        propertyId: 'p1',
        state: 'ASSIGNED',
        confidential: false,
        ownerId: 'desk-1',
        assigneeIds: ['tech-1'],
        requesterId: 'r1',
        unitId: 'u1',
        contact: { name: 'Li Wei', phone: '13812345678' },
        dueAt: new Date(now.getTime() - 60_000),
        outbox: PENDING,
      };
      await models.HelpRequest.collection.insertMany([
        { _id: 'w1', number: 'WO-2026-000001', createdAt: now, repeatOfId: null, ...request },
        { _id: 'w2', number: 'WO-2026-000002', createdAt: now, repeatOfId: 'w1', ...request },
      ] as never);
      await models.Staff.collection.insertOne({
        _id: 'tech-1',
        name: 'Wang',
        propertyIds: ['p1'],
        version: 1,
        createdAt: now,
        outbox: PENDING,
      } as never);
      reads = () => new WorkOrdersReads(models, workOrdersLoaders(models));
    });

    it('single reads, lookups and relations', async () => {
      const answers = await Promise.all([
        reads().helpRequest(everyone, 'w1'),
        reads().helpRequestByNumber(everyone, 'p1', 'WO-2026-000002'),
        reads().repeatCallsOf(everyone, 'w1'),
        reads().technicianQueue(everyone, 'tech-1'),
        reads().staffAtProperty('p1'),
      ]);
      expect(
        answers.every((answer) => answer !== null && (!Array.isArray(answer) || answer.length > 0)),
      ).toBe(true);
      expect(answers.filter(carriesOutbox)).toEqual([]);
    });

    it('every list', async () => {
      const lists = await Promise.all([
        nodesOf(reads().listHelpRequests(everyone, { propertyId: 'p1', overdue: true }, page, now)),
        nodesOf(reads().helpRequestsByPhoneSuffix(everyone, 'p1', '5678', page)),
        nodesOf(reads().requestsOf(everyone, { requesterId: 'r1' }, page)),
        nodesOf(reads().requestsOf(everyone, { unitId: 'u1' }, page)),
      ]);
      expect(lists.filter(carriesOutbox)).toEqual([]);
    });
  });
});
