import { beforeAll, describe, expect, it } from '@jest/globals';
import { gqlOk, tokenFor } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';

const UNITS_WITH_HOUSEHOLDS = /* GraphQL */ `
  query Units($propertyId: ID!, $first: Int!) {
    units(propertyId: $propertyId, first: $first) {
      edges {
        node {
          number
          building {
            name
          }
          household {
            members {
              relation
              resident {
                name
                phone
                vip
              }
            }
          }
        }
      }
    }
  }
`;

/** Mongo commands the residents subgraph starts for request work (the relay has its own pool). */
const apiCommands = () =>
  readCounter(process.env.TEST_SUBGRAPH_RESIDENTS!, 'courtyard_mongo_commands_total', { client: 'api' });

describe('residents: relations are batched, so a page costs the same number of queries at any size', () => {
  let propertyId: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    const buildings = [await createBuilding(propertyId, 'North'), await createBuilding(propertyId, 'South')];
    for (let index = 0; index < 50; index += 1) {
      const unit = await createUnit(
        buildings[index % 2]!.id,
        `U${String(index).padStart(3, '0')}`,
        1 + (index % 10),
      );
      const resident = await registerResident(
        propertyId,
        `Resident ${index}`,
        `1380000${String(index).padStart(4, '0')}`,
      );
      await moveIn(unit.id, resident.id);
    }
  });

  it('issues a constant number of MongoDB commands for 5, 20 and 50 units', async () => {
    const token = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const commandsFor = async (first: number) => {
      const before = await apiCommands();
      const data = await gqlOk<{
        units: { edges: Array<{ node: { household: { members: Array<{ resident: { name: string } }> } } }> };
      }>(UNITS_WITH_HOUSEHOLDS, { propertyId, first }, { token });
      expect(data.units.edges).toHaveLength(first);
      for (const edge of data.units.edges)
        expect(edge.node.household.members[0]!.resident.name).toMatch(/^Resident /);
      return (await apiCommands()) - before;
    };
    const [five, twenty, fifty] = [await commandsFor(5), await commandsFor(20), await commandsFor(50)];
    // units page + buildings + households + residents: one query each, whatever the page size.
    expect(fifty).toBe(4);
    expect(twenty).toBe(fifty);
    expect(five).toBe(fifty);
  });
});
