import {
  domainEvent,
  parseInput,
  requireRole,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { ESTATE_EDITORS, PROPERTY_CREATORS } from './access.js';
import { createBuildingInput, createPropertyInput, createUnitInput } from './inputs.js';
import type { BuildingRecord, PropertyRecord, UnitRecord } from './records.js';

/** Properties, buildings and units: the estate the company manages. */
export function createProperty(input: unknown, context: CommandContext): Decision<PropertyRecord> {
  requireRole(context.actor, PROPERTY_CREATORS, 'create properties');
  const valid = parseInput(createPropertyInput, input);
  const record: PropertyRecord = { _id: context.newId(), version: 1, createdAt: context.now, ...valid };
  return {
    record,
    events: [
      domainEvent(
        'property.created.v1',
        { id: record._id, propertyId: record._id },
        {
          propertyId: record._id,
          code: record.code,
          name: record.name,
          timeZone: record.timeZone,
          createdAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

export function createBuilding(
  input: unknown,
  property: PropertyRecord,
  context: CommandContext,
): Decision<BuildingRecord> {
  const valid = parseInput(createBuildingInput, input);
  requireStaffOf(context.actor, property._id, ESTATE_EDITORS, 'add buildings');
  const record: BuildingRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: property._id,
    name: valid.name,
    floors: valid.floors,
  };
  return {
    record,
    events: [
      domainEvent(
        'building.created.v1',
        { id: record._id, propertyId: property._id },
        {
          buildingId: record._id,
          propertyId: property._id,
          name: record.name,
          floors: record.floors,
          createdAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

export function createUnit(
  input: unknown,
  building: BuildingRecord,
  context: CommandContext,
): Decision<UnitRecord> {
  const valid = parseInput(createUnitInput, input);
  requireStaffOf(context.actor, building.propertyId, ESTATE_EDITORS, 'add units');
  const record: UnitRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: building.propertyId,
    buildingId: building._id,
    number: valid.number,
    floor: valid.floor,
    areaSquareMeters: valid.areaSquareMeters,
  };
  return {
    record,
    events: [
      domainEvent(
        'unit.created.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          unitId: record._id,
          propertyId: record.propertyId,
          buildingId: record.buildingId,
          number: record.number,
          floor: record.floor,
          areaSquareMeters: record.areaSquareMeters,
          createdAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
