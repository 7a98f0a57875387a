import { randomUUID } from 'node:crypto';
import { parseInput, requireRole, requireStaffOf } from '@courtyard/kernel';
import { RESIDENT_EVENTS, residentsEvent } from '../events/residents.events.js';
import { ESTATE_EDITORS, PROPERTY_CREATORS } from './access.js';
import type { CommandContext } from './command.js';
import type { Decision } from './decision.js';
import { createBuildingInput, createPropertyInput, createUnitInput } from './inputs.js';
import type { BuildingRecord, PropertyRecord, UnitRecord } from './records.js';

/** Properties, buildings and units: the estate the company manages. */
export function createProperty(input: unknown, context: CommandContext): Decision<PropertyRecord> {
  requireRole(context.actor, PROPERTY_CREATORS);
  const valid = parseInput(createPropertyInput, input);
  const record: PropertyRecord = { _id: randomUUID(), version: 1, createdAt: context.now, ...valid };
  return {
    record,
    events: [
      residentsEvent(
        RESIDENT_EVENTS.propertyCreated,
        record._id,
        record._id,
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
  requireStaffOf(context.actor, property._id, ESTATE_EDITORS);
  const record: BuildingRecord = {
    _id: randomUUID(),
    version: 1,
    createdAt: context.now,
    propertyId: property._id,
    name: valid.name,
    floors: valid.floors,
  };
  return {
    record,
    events: [
      residentsEvent(
        RESIDENT_EVENTS.buildingCreated,
        record._id,
        property._id,
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
  requireStaffOf(context.actor, building.propertyId, ESTATE_EDITORS);
  const record: UnitRecord = {
    _id: randomUUID(),
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
      residentsEvent(
        RESIDENT_EVENTS.unitCreated,
        record._id,
        record.propertyId,
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
