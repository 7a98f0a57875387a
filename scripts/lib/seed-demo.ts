import { issueAccessToken } from '../../gateway/src/token.js';
import { seedDemoWork } from './seed-demo-work.js';

/**
 * Demo data through the gateway (so it also produces the real events): one property, two
 * buildings, 24 units, 30 residents in households, shared facilities (with the default
 * maintenance plans facilities gives every property), a published fee schedule and the next
 * quarter's bills, the office's staff and help requests in every state (`seed-demo-work.ts`).
 * Idempotent: what exists is reused.
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
      throw new Error(`seed failed: ${refusal.message} (${refusal.extensions?.reason ?? 'no reason'})`);
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
  const bills = await seedBilling(property.id, units, must);
  // Staff and their day at work (work-orders, surveys' follow-up, a facility fault).
  const work = await seedDemoWork(gatewayUrl, jwtSecret, property.id, units);
  return {
    propertyCode: DEMO_PROPERTY_CODE,
    propertyId: property.id,
    buildings: 2,
    units: units.length,
    residents: 30,
    facilities: facilities.length,
    ...bills,
    staff: work.staff,
    residentId: work.residentId,
    helpRequests: work.helpRequests,
  };
}

type Must = <T>(
  query: string,
  variables?: Record<string, unknown>,
  tolerate?: string[],
) => Promise<T | undefined>;

/**
 * Billing: a published quarterly schedule from the next quarter (property fee ¥2.55 per m² per
 * month, a fixed-price leak repair) and that quarter's bills. Billing learns units from
 * residents.events, so it waits (bounded) until it knows the last unit; generation is idempotent.
 */
async function seedBilling(propertyId: string, units: string[], must: Must) {
  const now = new Date();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const [year, next] = quarter === 4 ? [now.getUTCFullYear() + 1, 1] : [now.getUTCFullYear(), quarter + 1];
  const effectiveFrom = `${year}-${String((next - 1) * 3 + 1).padStart(2, '0')}-01`;
  const inForce = await must<{ feeScheduleInForce: { id: string } | null }>(
    `query ($p: ID!, $on: LocalDate!) { feeScheduleInForce(propertyId: $p, on: $on) { id } }`,
    { p: propertyId, on: effectiveFrom },
  );
  if (!inForce?.feeScheduleInForce) {
    const draft = await must<{ createFeeSchedule: { feeSchedule: { id: string } } }>(
      `mutation ($input: CreateFeeScheduleInput!) { createFeeSchedule(input: $input) { feeSchedule { id } } }`,
      {
        input: {
          propertyId,
          effectiveFrom,
          billingCycle: 'QUARTERLY',
          items: [
            {
              code: 'PROPERTY_FEE_RESIDENTIAL',
              kind: 'PROPERTY_FEE',
              name: 'Property service fee (物业服务费)',
              pricing: 'PER_SQUARE_METER_MONTH',
              price: 255,
              unitType: 'RESIDENTIAL',
            },
            {
              code: 'WATER',
              kind: 'UTILITY',
              name: 'Water (代收代缴)',
              pricing: 'PER_METERED_UNIT',
              price: 350,
              priceSource: 'GOVERNMENT',
            },
            {
              code: 'REPAIR_WATER_LEAK',
              kind: 'PAID_SERVICE',
              name: 'Leak repair inside the home (有偿服务)',
              pricing: 'FIXED',
              price: 8000,
              workOrderCategories: ['WATER_LEAK', 'DRAINAGE'],
            },
          ],
        },
      },
    );
    await must(
      `mutation ($input: PublishFeeScheduleInput!) { publishFeeSchedule(input: $input) { feeSchedule { id } } }`,
      {
        input: { id: draft!.createFeeSchedule.feeSchedule.id },
      },
    );
  }
  const last = units.at(-1);
  const deadline = Date.now() + 30_000;
  while (last && Date.now() < deadline) {
    const known = await must<{ unit: { balance: unknown } }>(
      `query ($id: ID!) { unit(id: $id) { balance { owed { amount } } } }`,
      {
        id: last,
      },
    );
    if (known?.unit.balance) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const period = `${year}-Q${next}`;
  const generated = await must<{ generateBills: { issued: number; alreadyIssued: number } }>(
    `mutation ($input: GenerateBillsInput!) { generateBills(input: $input) { issued alreadyIssued } }`,
    { input: { propertyId, period } },
  );
  return {
    billingPeriod: period,
    bills: (generated?.generateBills.issued ?? 0) + (generated?.generateBills.alreadyIssued ?? 0),
  };
}
