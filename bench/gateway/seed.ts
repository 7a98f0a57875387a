import { issueAccessToken } from '../../gateway/src/token.js';
import { seedDemo } from '../../scripts/lib/seed-demo.js';
import { untilPropertyKnown } from '../../scripts/lib/until-property-known.js';

/** Data large enough to matter: the demo property, then this many more units (one household each) and help requests. */
export const BENCH_UNITS = 500;
export const BENCH_HELP_REQUESTS = 1000;
const BUILDINGS = 5;
const CONCURRENCY = 8;

export interface BenchData {
  propertyId: string;
  unitIds: string[];
  /** Units with a billing account (the demo's, whose bills were generated). */
  billedUnitIds: string[];
}

type Call = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** Unit `B<n>` of a building, its owner registered and moved in (1 Sept 2025): one bench household. */
export async function seedOccupiedUnit(
  call: Call,
  { propertyId, buildingId, n, floor }: { propertyId: string; buildingId: string; n: number; floor: number },
): Promise<{ unitId: string; residentId: string }> {
  const unitId = (
    await call<{ createUnit: { unit: { id: string } } }>(
      `mutation ($i: CreateUnitInput!) { createUnit(input: $i) { unit { id } } }`,
      { i: { buildingId, number: `B${n}`, floor, areaSquareMeters: 90 } },
    )
  ).createUnit.unit.id;
  const residentId = (
    await call<{ registerResident: { resident: { id: string } } }>(
      `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { resident { id } } }`,
      {
        i: {
          propertyId,
          name: `Bench Owner ${n}`,
          kind: 'OWNER',
          phone: `1360${String(n).padStart(7, '0')}`,
        },
      },
    )
  ).registerResident.resident.id;
  await call(`mutation ($i: MoveInInput!) { moveIn(input: $i) { household { id } } }`, {
    i: { unitId, residentId, relation: 'OWNER', movedInOn: '2025-09-01' },
  });
  return { unitId, residentId };
}

/** Runs `work` over `items`, `CONCURRENCY` at a time, in order of results. */
async function pooled<I, O>(items: I[], work: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results: O[] = new Array<O>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

/** Seeds through the gateway (so the events flow as in production); bounded by the caller's deadline. */
export async function seedBench(gatewayUrl: string, jwtSecret: string): Promise<BenchData> {
  await seedDemo(gatewayUrl, jwtSecret);
  const token = await issueAccessToken(
    { sub: 'bench-seed', role: 'SYSTEM', properties: ['*'], name: 'Bench seed' },
    { secret: jwtSecret, expiresIn: '30m' },
  );
  const call: Call = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`bench seed: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };

  const { propertyByCode } = await call<{
    propertyByCode: { id: string; units: { edges: Array<{ node: { id: string } }> } };
  }>(`query { propertyByCode(code: "DEMO-GARDEN") { id units(first: 100) { edges { node { id } } } } }`);
  const propertyId = propertyByCode.id;
  const billedUnitIds = propertyByCode.units.edges.map((edge) => edge.node.id);

  const buildings = await pooled(
    Array.from({ length: BUILDINGS }, (_, b) => b),
    async (b) =>
      (
        await call<{ createBuilding: { building: { id: string } } }>(
          `mutation ($i: CreateBuildingInput!) { createBuilding(input: $i) { building { id } } }`,
          { i: { propertyId, name: `Bench Block ${b + 1}`, floors: 30 } },
        )
      ).createBuilding.building.id,
  );
  const perBuilding = BENCH_UNITS / BUILDINGS;
  const unitIds = await pooled(
    Array.from({ length: BENCH_UNITS }, (_, n) => n),
    async (n) => {
      const building = buildings[Math.floor(n / perBuilding)]!;
      const floor = 1 + Math.floor((n % perBuilding) / 4);
      const { unitId, residentId } = await seedOccupiedUnit(call, {
        propertyId,
        buildingId: building,
        n,
        floor,
      });
      return { unitId, residentId };
    },
  );
  await pooled(
    Array.from({ length: BENCH_HELP_REQUESTS }, (_, n) => n),
    async (n) => {
      const { unitId, residentId } = unitIds[n % unitIds.length]!;
      await untilPropertyKnown(() =>
        call(
          `mutation ($i: RecordHelpRequestInput!) { recordHelpRequest(input: $i) { helpRequest { id } } }`,
          {
            i: {
              propertyId,
              type: 'REPAIR',
              category: 'WATER_LEAK',
              channel: 'PHONE',
              description: `bench ${n}`,
              contactName: `Bench Owner ${n % unitIds.length}`,
              contactPhone: `1360${String(n % unitIds.length).padStart(7, '0')}`,
              requesterId: residentId,
              unitId,
            },
          },
        ),
      );
    },
  );
  return { propertyId, unitIds: unitIds.map((unit) => unit.unitId), billedUnitIds };
}
