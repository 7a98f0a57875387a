import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@courtyard/kernel';
import { EventTap, forProperty } from '../support/events.js';
import { errorCodes, gql } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import {
  CREATE_BUILDING,
  CREATE_PROPERTY,
  CREATE_UNIT,
  REGISTER_RESIDENT,
  createBuilding,
  createProperty,
  createUnit,
} from '../support/residents.js';

const counts = (propertyId: string) =>
  withDatabase('residents', async (db) => ({
    buildings: await db.collection('buildings').countDocuments({ propertyId }),
    units: await db.collection('units').countDocuments({ propertyId }),
    residents: await db.collection('residents').countDocuments({ propertyId }),
  }));

describe('residents: bad input is refused with a stable code, and nothing is written or published', () => {
  let tap: EventTap;
  let propertyId: string;
  let buildingId: string;
  let before: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.residents);
    propertyId = (await createProperty()).id;
    buildingId = (await createBuilding(propertyId)).id;
    await createUnit(buildingId, '101');
    await tap.waitFor(forProperty(propertyId), 3);
    before = await counts(propertyId);
  });
  afterAll(() => tap.stop());

  it('a missing required field', async () => {
    const result = await gql(CREATE_BUILDING, { input: { propertyId, name: 'No floors' } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/floors/);
  });

  it('a wrong type', async () => {
    const result = await gql(CREATE_UNIT, {
      input: { buildingId, number: '102', floor: 'ten', areaSquareMeters: 50 },
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/floor/);
  });

  it('an unknown id', async () => {
    const missing = randomUUID();
    const result = await gql(CREATE_UNIT, {
      input: { buildingId: missing, number: '102', floor: 1, areaSquareMeters: 50 },
    });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors![0]!.extensions).toMatchObject({ reason: 'BUILDING_NOT_FOUND' });
    expect(result.errors![0]!.message).toContain(missing);
  });

  it('a duplicate unit number in the same building', async () => {
    const result = await gql(CREATE_UNIT, {
      input: { buildingId, number: '101', floor: 1, areaSquareMeters: 50 },
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions).toMatchObject({ reason: 'DUPLICATE_UNIT_NUMBER' });
  });

  it('an oversized string', async () => {
    const result = await gql(REGISTER_RESIDENT, {
      input: { propertyId, name: 'x'.repeat(101), kind: 'OWNER', phone: '13800000000' },
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions).toMatchObject({
      reason: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'name', message: 'must be at most 100 characters' }] },
    });
  });

  it('values outside the rules (time zone, phone, area precision, enum)', async () => {
    const zone = await gql(CREATE_PROPERTY, {
      input: { code: 'BAD-ZONE', name: 'x', address: 'y', timeZone: 'Mars/Olympus' },
    });
    expect(errorCodes(zone)).toEqual(['BAD_USER_INPUT']);
    const phone = await gql(REGISTER_RESIDENT, {
      input: { propertyId, name: 'A', kind: 'OWNER', phone: '12ab' },
    });
    expect(errorCodes(phone)).toEqual(['BAD_USER_INPUT']);
    const area = await gql(CREATE_UNIT, {
      input: { buildingId, number: '103', floor: 1, areaSquareMeters: 50.123 },
    });
    expect(errorCodes(area)).toEqual(['BAD_USER_INPUT']);
    const kind = await gql(REGISTER_RESIDENT, {
      input: { propertyId, name: 'A', kind: 'LANDLORD', phone: '13800000000' },
    });
    expect(errorCodes(kind)).toEqual(['BAD_USER_INPUT']);
  });

  it('left nothing behind: no document and no event', async () => {
    expect(await counts(propertyId)).toEqual(before);
    // A marker write after every refusal: once its event is on the topic, the relay has had its
    // chance to publish anything the refusals might have left in an outbox.
    await createBuilding(propertyId, 'Marker');
    const events = await tap.waitFor(
      (event) => forProperty(propertyId)(event) && event.type === 'building.created.v1',
      2,
    );
    expect(events).toHaveLength(2);
    expect(
      tap
        .matching(forProperty(propertyId))
        .map((event) => event.type)
        .sort(),
    ).toEqual(['building.created.v1', 'building.created.v1', 'property.created.v1', 'unit.created.v1']);
  });
});
