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

// The units page of `npm run bench:gateway`, and the same selection through a fragment.
const UNITS_PAGE = /* GraphQL */ `
  query UnitsPage($p: ID!, $n: Int!) {
    units(propertyId: $p, first: $n) {
      totalCount
      edges {
        node {
          number
          floor
          household {
            members {
              relation
              resident {
                name
              }
            }
          }
        }
      }
    }
  }
`;
const UNITS_PAGE_BY_FRAGMENT = /* GraphQL */ `
  query UnitsPageByFragment($p: ID!, $n: Int!) {
    units(propertyId: $p, first: $n) {
      totalCount
      edges {
        node {
          ...UnitCard
        }
      }
    }
  }
  fragment UnitCard on Unit {
    number
    household {
      ... on Household {
        members {
          resident {
            name
          }
        }
      }
    }
  }
`;

/** Mongo commands the residents subgraph starts for request work (the relay has its own pool). */
const apiCommands = (command?: string) =>
  readCounter(process.env.TEST_SUBGRAPH_RESIDENTS!, 'courtyard_mongo_commands_total', {
    client: 'api',
    ...(command ? { command } : {}),
  });

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
    // The units page with its households and residents (one aggregate), then the buildings.
    expect(fifty).toBe(2);
    expect(twenty).toBe(fifty);
    expect(five).toBe(fifty);
  });

  it('reads a units page and the households and residents it shows in one command, its count beside it', async () => {
    const token = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    for (const [query, first] of [
      [UNITS_PAGE, 20],
      [UNITS_PAGE, 50],
      [UNITS_PAGE_BY_FRAGMENT, 35],
    ] as const) {
      const [finds, aggregates] = [await apiCommands('find'), await apiCommands('aggregate')];
      const data = await gqlOk<{
        units: {
          totalCount: number;
          edges: Array<{ node: { household: { members: Array<{ resident: { name: string } }> } } }>;
        };
      }>(query, { p: propertyId, n: first }, { token });
      expect(data.units.totalCount).toBe(50);
      expect(data.units.edges).toHaveLength(first);
      for (const edge of data.units.edges)
        expect(edge.node.household.members.map((member) => member.resident.name)).toEqual([
          expect.stringMatching(/^Resident \d+$/),
        ]);
      // Before: the page, then its households, then their residents (three finds one after
      // another) and the count. Now one aggregate for the page and what it shows, one for the
      // count (countDocuments), sent together: one round trip.
      expect({
        find: (await apiCommands('find')) - finds,
        aggregate: (await apiCommands('aggregate')) - aggregates,
      }).toEqual({ find: 0, aggregate: 2 });
    }
  });

  it('pages and filters units with their households exactly as without them', async () => {
    const token = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const walk = async (withHouseholds: boolean, filter: Record<string, unknown>) => {
      const numbers: string[] = [];
      let after: string | null = null;
      for (;;) {
        const data: {
          units: {
            edges: Array<{ node: { number: string; household?: { members: unknown[] } } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } = await gqlOk(
          `query ($p: ID!, $f: UnitFilter, $after: String) {
            units(propertyId: $p, filter: $f, first: 7, after: $after) {
              edges { node { number ${withHouseholds ? 'household { members { resident { name } } }' : ''} } }
              pageInfo { hasNextPage endCursor }
            }
          }`,
          { p: propertyId, f: filter, after },
          { token },
        );
        for (const { node } of data.units.edges) {
          numbers.push(node.number);
          if (withHouseholds) expect(node.household?.members).toHaveLength(1);
        }
        if (!data.units.pageInfo.hasNextPage) return numbers;
        after = data.units.pageInfo.endCursor;
      }
    };
    for (const filter of [{}, { floor: 3 }, { number: 'U007' }]) {
      const plain = await walk(false, filter);
      expect(plain.length).toBeGreaterThan(0);
      expect(await walk(true, filter)).toEqual(plain);
    }
    expect(await walk(true, {})).toHaveLength(50);
  });
});
