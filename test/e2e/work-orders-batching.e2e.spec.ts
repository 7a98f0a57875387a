import { beforeAll, describe, expect, it } from '@jest/globals';
import { gqlOk } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { createBuilding, createProperty, createUnit, registerResident } from '../support/residents.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const LIST = /* GraphQL */ `
  query List($propertyId: ID!, $first: Int!) {
    helpRequests(filter: { propertyId: $propertyId }, first: $first) {
      edges {
        node {
          number
          state
          owner {
            name
          }
          assignees {
            name
          }
          requester {
            name
            phone
          }
          unit {
            number
          }
        }
      }
    }
  }
`;
/**
 * The reads a subgraph's API connection started. Writes are left out: a number release deferred by
 * an earlier intake (NUMBER_RELEASE_DEFER_MS) may land while the list is read, and is not its cost.
 */
const READ_COMMANDS = ['find', 'aggregate', 'count', 'distinct', 'getMore'];
const commands = async (name: string) => {
  const counts = await Promise.all(
    READ_COMMANDS.map((command) =>
      readCounter(process.env[`TEST_SUBGRAPH_${name}`]!, 'courtyard_mongo_commands_total', {
        client: 'api',
        command,
      }),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
};

describe('work-orders: a list of requests with people and places costs the same queries at any length', () => {
  let propertyId: string;
  let token: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    const building = await createBuilding(propertyId);
    const units = await Promise.all(Array.from({ length: 10 }, (_, i) => createUnit(building.id, `B${i}`)));
    const residents = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        registerResident(propertyId, `Resident ${i}`, `1390000${String(i).padStart(4, '0')}`),
      ),
    );
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const techs = await Promise.all(Array.from({ length: 4 }, () => registerStaff(propertyId, 'TECHNICIAN')));
    token = desk.token;
    for (let index = 0; index < 100; index += 1) {
      // Each resident reports about each unit once, so none of these is a repeat call.
      const id = await recordHelpRequest(
        repairInput(propertyId, {
          requesterId: residents[index % 10]!.id,
          unitId: units[Math.floor(index / 10)]!.id,
        }),
        token,
      );
      if (index % 2 === 0) {
        await act('acknowledgeHelpRequest', { id }, token);
        await act('assignHelpRequest', { id, assigneeIds: [techs[index % 4]!.id] }, token);
      }
    }
  });

  it('for 10 and 100 requests: the same number of MongoDB commands in each subgraph', async () => {
    const measure = async (first: number) => {
      const before = { workOrders: await commands('WORK_ORDERS'), residents: await commands('RESIDENTS') };
      const data = await gqlOk<{
        helpRequests: {
          edges: Array<{
            node: { requester: { name: string }; unit: { number: string }; owner: { name: string } };
          }>;
        };
      }>(LIST, { propertyId, first }, { token });
      expect(data.helpRequests.edges).toHaveLength(first);
      for (const { node } of data.helpRequests.edges) {
        expect(node.requester.name).toMatch(/^Resident /);
        expect(node.unit.number).toMatch(/^B\d$/);
        expect(node.owner.name).toMatch(/^FRONT_DESK /);
      }
      return {
        workOrders: (await commands('WORK_ORDERS')) - before.workOrders,
        residents: (await commands('RESIDENTS')) - before.residents,
      };
    };
    const ten = await measure(10);
    const hundred = await measure(100);
    // work-orders: the page, then staff (owners and assignees together); residents: residents, units.
    expect(hundred).toEqual({ workOrders: 2, residents: 2 });
    expect(ten).toEqual(hundred);
  });
});
