import { describe, expect, it } from '@jest/globals';
import { DomainError, sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { createBuilding, createProperty, createUnit } from './estate.js';

const now = new Date('2026-11-23T08:00:00Z');
const as = (caller: Partial<Caller>): CommandContext => ({
  actor: { subject: 'u1', role: 'GENERAL_MANAGER', propertyIds: ['*'], ...caller },
  now,
  newId: sequentialIds(),
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('estate commands', () => {
  const property = createProperty(
    { code: 'GARDEN-01', name: 'Garden', address: '1 Road', timeZone: 'Asia/Shanghai' },
    as({}),
  ).record;

  it('creates a property with one event that carries its code and time zone', () => {
    const { record, events } = createProperty(
      { code: 'GARDEN-02', name: ' Garden ', address: '1 Road', timeZone: 'Asia/Shanghai' },
      as({}),
    );
    expect(record).toMatchObject({ code: 'GARDEN-02', name: 'Garden', version: 1, createdAt: now });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'property.created.v1',
      subject: record._id,
      propertyid: record._id,
      time: now.toISOString(),
      data: { code: 'GARDEN-02', timeZone: 'Asia/Shanghai' },
    });
  });

  it('refuses a property from anyone but a general manager', () => {
    expect(
      refusal(() =>
        createProperty({ code: 'A1', name: 'n', address: 'a', timeZone: 'UTC' }, as({ role: 'FRONT_DESK' })),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('decides the same record and events from the same inputs (time and ids come in)', () => {
    const input = { code: 'GARDEN-02', name: 'Garden', address: '1 Garden Road', timeZone: 'Asia/Shanghai' };
    const once = createProperty(input, as({}));
    expect(createProperty(input, as({}))).toEqual(once);
    expect(once.record._id).not.toBe(once.events[0]!.id);
  });

  it('refuses an unknown time zone and a malformed code', () => {
    expect(
      refusal(() => createProperty({ code: 'ok-lower', name: 'n', address: 'a', timeZone: 'UTC' }, as({}))),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
    expect(
      refusal(() =>
        createProperty({ code: 'OK', name: 'n', address: 'a', timeZone: 'Nowhere/City' }, as({})),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
  });

  it('lets only supervisors and above of that property add buildings', () => {
    const input = { propertyId: property._id, name: 'B1', floors: 10 };
    expect(
      createBuilding(input, property, as({ role: 'SERVICE_SUPERVISOR', propertyIds: [property._id] })).record
        .propertyId,
    ).toBe(property._id);
    expect(
      refusal(() =>
        createBuilding(input, property, as({ role: 'SERVICE_SUPERVISOR', propertyIds: ['other'] })),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_PROPERTY_SCOPE',
    });
    expect(
      refusal(() => createBuilding(input, property, as({ role: 'TECHNICIAN', propertyIds: [property._id] }))),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('keeps unit areas to two decimals and inherits the property from the building', () => {
    const building = createBuilding(
      { propertyId: property._id, name: 'B1', floors: 10 },
      property,
      as({}),
    ).record;
    const unit = createUnit(
      { buildingId: building._id, number: '1-101', floor: 1, areaSquareMeters: 89.37 },
      building,
      as({}),
    );
    expect(unit.record).toMatchObject({
      propertyId: property._id,
      buildingId: building._id,
      areaSquareMeters: 89.37,
    });
    expect(unit.events[0]).toMatchObject({ type: 'unit.created.v1', data: { areaSquareMeters: 89.37 } });
    expect(
      refusal(() =>
        createUnit(
          { buildingId: building._id, number: '1-102', floor: 1, areaSquareMeters: 89.375 },
          building,
          as({}),
        ),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
  });
});
