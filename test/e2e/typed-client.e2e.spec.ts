import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  createClient,
  CreateBuilding,
  CreateProperty,
  CreateUnit,
  PropertyUnits,
} from '@courtyard/typed-client';
import { tokenFor } from '../support/graphql.js';

describe('the typed client, through the gateway', () => {
  let request: ReturnType<typeof createClient>;
  beforeAll(async () => {
    request = createClient({ url: process.env.GATEWAY_URL!, token: await tokenFor('GENERAL_MANAGER') });
  });

  it('creates a property with units and pages through them with Relay page info', async () => {
    const code = `TYPED-${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await request(CreateProperty, {
      input: { code, name: 'Typed Court', address: '2 Client Road', timeZone: 'Asia/Shanghai' },
    });
    expect(created.errors).toBeUndefined();
    const property = created.data!.createProperty.property;
    const building = (
      await request(CreateBuilding, { input: { propertyId: property.id, name: 'A', floors: 3 } })
    ).data!.createBuilding.building;
    for (const number of ['101', '102', '103']) {
      const unit = await request(CreateUnit, {
        input: { buildingId: building.id, number, floor: 1, areaSquareMeters: 60 },
      });
      expect(unit.errors).toBeUndefined();
    }

    const first = await request(PropertyUnits, { code, first: 2 });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!.propertyByCode!.units;
    expect(firstPage.totalCount).toBe(3);
    expect(firstPage.edges.map((edge) => edge.node.number)).toEqual(['103', '102']);
    expect(firstPage.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: firstPage.edges[0]!.cursor,
      endCursor: firstPage.edges[1]!.cursor,
    });

    const next = await request(PropertyUnits, { code, first: 2, after: firstPage.pageInfo.endCursor });
    const nextPage = next.data!.propertyByCode!.units;
    expect(nextPage.edges.map((edge) => edge.node.number)).toEqual(['101']);
    expect(nextPage.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: nextPage.edges[0]!.cursor,
      endCursor: nextPage.edges[0]!.cursor,
    });
  });

  it('reports a refused operation with its stable code', async () => {
    const anonymous = createClient({ url: process.env.GATEWAY_URL! });
    const refused = await anonymous(PropertyUnits, { code: 'ANY' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
