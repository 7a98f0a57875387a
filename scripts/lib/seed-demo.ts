import { issueAccessToken } from '../../gateway/src/token.js';

/**
 * Demo data through the gateway (so it also produces the real events): one property, two
 * buildings, 24 units, 30 residents in households. Idempotent: what exists is reused.
 */
export const DEMO_PROPERTY_CODE = 'DEMO-GARDEN';

interface Result<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
}

export async function seedDemo(gatewayUrl: string, jwtSecret: string) {
  const token = await issueAccessToken(
    { sub: 'demo-seed', role: 'SYSTEM', properties: ['*'], name: 'Demo seed' },
    { secret: jwtSecret, expiresIn: '10m' },
  );
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Result<T>;
  };
  const must = async <T>(query: string, variables: Record<string, unknown> = {}, tolerate: string[] = []) => {
    const result = await call<T>(query, variables);
    const refusal = result.errors?.[0];
    if (refusal && !tolerate.includes(refusal.extensions?.reason ?? '')) {
      throw new Error(`seed failed: ${refusal.message}`);
    }
    return result.data;
  };

  type PropertyView = {
    id: string;
    buildings: { edges: Array<{ node: { id: string; name: string } }> };
    residents: { totalCount: number };
  };
  const readProperty = async () =>
    (
      await must<{ propertyByCode: PropertyView | null }>(
        `query ($code: String!) { propertyByCode(code: $code) { id buildings(first: 10) { edges { node { id name } } } residents(first: 1) { totalCount } } }`,
        { code: DEMO_PROPERTY_CODE },
      )
    )?.propertyByCode ?? null;

  let property = await readProperty();
  if (!property) {
    await must(
      `mutation ($input: CreatePropertyInput!) { createProperty(input: $input) { property { id } } }`,
      {
        input: {
          code: DEMO_PROPERTY_CODE,
          name: 'Garden Court (demo)',
          address: '88 Garden Road',
          timeZone: 'Asia/Shanghai',
        },
      },
      ['DUPLICATE_PROPERTY_CODE'],
    );
    property = (await readProperty())!;
  }
  for (const name of ['Building 1', 'Building 2']) {
    if (property.buildings.edges.some((edge) => edge.node.name === name)) continue;
    await must(
      `mutation ($input: CreateBuildingInput!) { createBuilding(input: $input) { building { id } } }`,
      { input: { propertyId: property.id, name, floors: 12 } },
      ['DUPLICATE_BUILDING_NAME'],
    );
  }
  property = (await readProperty())!;

  const units: string[] = [];
  for (const [b, { node: building }] of property.buildings.edges.entries()) {
    for (let floor = 1; floor <= 6; floor += 1) {
      for (const door of ['01', '02']) {
        const number = `${b + 1}-${floor}${door}`;
        await must(
          `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { unit { id } } }`,
          {
            input: {
              buildingId: building.id,
              number,
              floor,
              areaSquareMeters: door === '01' ? 89.5 : 120.25,
            },
          },
          ['DUPLICATE_UNIT_NUMBER'],
        );
        const found = await must<{ units: { edges: Array<{ node: { id: string } }> } }>(
          `query ($p: ID!, $b: ID!, $n: String!) { units(propertyId: $p, filter: { buildingId: $b, number: $n }) { edges { node { id } } } }`,
          { p: property.id, b: building.id, n: number },
        );
        units.push(found!.units.edges[0]!.node.id);
      }
    }
  }

  const surnames = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu'];
  if (property.residents.totalCount < 30) {
    for (let index = property.residents.totalCount; index < 30; index += 1) {
      const unitId = units[index % units.length]!;
      const registered = await must<{ registerResident: { resident: { id: string } } }>(
        `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { resident { id } } }`,
        {
          input: {
            propertyId: property.id,
            name: `${surnames[index % surnames.length]} ${index < units.length ? 'Owner' : 'Family'} ${index + 1}`,
            kind: index < units.length ? 'OWNER' : 'FAMILY_MEMBER',
            phone: `1390000${String(index + 1).padStart(4, '0')}`,
            idDocumentNumber: `11010119800101${String(index + 1).padStart(4, '0')}`,
            vip: index % 10 === 0,
          },
        },
      );
      await must(
        `mutation ($input: MoveInInput!) { moveIn(input: $input) { household { id } } }`,
        {
          input: {
            unitId,
            residentId: registered!.registerResident.resident.id,
            relation: index < units.length ? 'OWNER' : 'FAMILY_MEMBER',
            movedInOn: '2025-09-01',
          },
        },
        ['ALREADY_MOVED_IN'],
      );
    }
  }

  // Shared facilities (the facilities subgraph): asset tags are unique per property, so a rerun reuses them.
  const facilities = [
    {
      name: 'Elevator 1-A',
      type: 'ELEVATOR',
      assetTag: 'EL-1A',
      area: 'Building 1 lobby',
      criticality: 'HIGH',
    },
    {
      name: 'Fire pump',
      type: 'FIRE_PROTECTION',
      assetTag: 'FP-01',
      area: 'Pump room',
      criticality: 'CRITICAL',
    },
    {
      name: 'North road lamps',
      type: 'ROAD_LIGHTING',
      assetTag: 'RL-N',
      area: 'North road',
      criticality: 'NORMAL',
    },
    {
      name: 'Water tank',
      type: 'SECONDARY_WATER_TANK',
      assetTag: 'WT-01',
      area: 'Roof, Building 2',
      criticality: 'HIGH',
    },
  ];
  for (const facility of facilities) {
    await must(
      `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { facility { id } } }`,
      { input: { propertyId: property.id, ...facility } },
      ['DUPLICATE_ASSET_TAG'],
    );
  }
  return {
    propertyCode: DEMO_PROPERTY_CODE,
    buildings: 2,
    units: units.length,
    residents: 30,
    facilities: facilities.length,
  };
}
