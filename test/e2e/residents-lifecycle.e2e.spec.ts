import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap, forProperty } from '../support/events.js';
import { gqlOk, tokenFor } from '../support/graphql.js';
import {
  CREATE_BUILDING,
  CREATE_PROPERTY,
  CREATE_UNIT,
  MOVE_IN,
  MOVE_OUT,
  REGISTER_RESIDENT,
  uniqueCode,
} from '../support/residents.js';

describe('residents: a property from creation to a household, through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.residents);
  });
  afterAll(() => tap.stop());

  it('creates, reads back and publishes every step as a valid event', async () => {
    const code = uniqueCode('GARDEN');
    const { createProperty } = await gqlOk<{
      createProperty: { property: { id: string; code: string; timeZone: string } };
    }>(CREATE_PROPERTY, {
      input: { code, name: 'Garden Court', address: '8 Garden Road', timeZone: 'Asia/Shanghai' },
    });
    const propertyId = createProperty.property.id;
    expect(createProperty.property).toMatchObject({ code, timeZone: 'Asia/Shanghai' });

    const { createBuilding } = await gqlOk<{
      createBuilding: { building: { id: string; property: { code: string } } };
    }>(CREATE_BUILDING, { input: { propertyId, name: 'Building 1', floors: 18 } });
    const buildingId = createBuilding.building.id;
    expect(createBuilding.building.property.code).toBe(code);

    const { createUnit } = await gqlOk<{ createUnit: { unit: { id: string; areaSquareMeters: number } } }>(
      CREATE_UNIT,
      {
        input: { buildingId, number: '1-1201', floor: 12, areaSquareMeters: 89.37 },
      },
    );
    const unitId = createUnit.unit.id;
    expect(createUnit.unit.areaSquareMeters).toBe(89.37);

    const { registerResident } = await gqlOk<{
      registerResident: { resident: { id: string; phone: string } };
    }>(REGISTER_RESIDENT, {
      input: {
        propertyId,
        name: 'Li Wei',
        kind: 'OWNER',
        phone: '13812345678',
        idDocumentNumber: '110101199001011234',
        vip: true,
      },
    });
    const residentId = registerResident.resident.id;
    expect(registerResident.resident.phone).toBe('138****5678');

    await gqlOk(MOVE_IN, { input: { unitId, residentId, relation: 'OWNER', movedInOn: '2026-01-15' } });

    const staff = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const readBack = await gqlOk<{
      property: {
        code: string;
        units: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
      };
    }>(
      `query ($id: ID!) {
        property(id: $id) {
          code
          units(first: 10) {
            totalCount
            edges { node { number floor areaSquareMeters building { name }
              household { members { relation movedInOn resident { name vip phone idDocumentNumber } } } } }
          }
        }
      }`,
      { id: propertyId },
      { token: staff },
    );
    expect(readBack.property.code).toBe(code);
    expect(readBack.property.units.totalCount).toBe(1);
    expect(readBack.property.units.edges[0]!.node).toEqual({
      number: '1-1201',
      floor: 12,
      areaSquareMeters: 89.37,
      building: { name: 'Building 1' },
      household: {
        members: [
          {
            relation: 'OWNER',
            movedInOn: '2026-01-15',
            resident: {
              name: 'Li Wei',
              vip: true,
              phone: '138****5678',
              idDocumentNumber: '1101**********1234',
            },
          },
        ],
      },
    });

    const { moveOut } = await gqlOk<{
      moveOut: { household: { members: Array<{ movedOutOn: string | null }> } };
    }>(MOVE_OUT, { input: { unitId, residentId, movedOutOn: '2026-06-30' } });
    expect(moveOut.household.members).toEqual([
      { movedInOn: '2026-01-15', movedOutOn: '2026-06-30', resident: { id: residentId } },
    ]);

    const events = await tap.waitFor(forProperty(propertyId), 6);
    // Different aggregates may sit on different partitions: the set is exact, the order per key.
    expect(events.map((event) => event.type).sort()).toEqual([
      'building.created.v1',
      'property.created.v1',
      'resident.moved_in.v1',
      'resident.moved_out.v1',
      'resident.registered.v1',
      'unit.created.v1',
    ]);
    for (const event of events) {
      expect(event.kafka.key).toBe(event.subject);
      expect(event.source).toBe('/courtyard/residents');
    }
    const [movedIn, movedOut] = [
      events.find((event) => event.type === 'resident.moved_in.v1')!,
      events.find((event) => event.type === 'resident.moved_out.v1')!,
    ];
    // One household's events share a key, so they keep their order on the topic.
    expect(movedIn.subject).toBe(movedOut.subject);
    expect(BigInt(movedIn.kafka.offset) < BigInt(movedOut.kafka.offset)).toBe(true);
    expect(movedIn.data).toMatchObject({ unitId, residentId, relation: 'OWNER', movedInOn: '2026-01-15' });
    expect(JSON.stringify(events)).not.toContain('13812345678');
  });
});
