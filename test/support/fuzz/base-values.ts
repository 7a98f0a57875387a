import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import type { RootField } from '../../authz/api-schema.js';

/** Records the fuzz points ids at, so a bad value meets the rules and not a NOT_FOUND first. */
export interface FuzzFixture {
  readonly propertyId: string;
  readonly buildingId: string;
  readonly unitId: string;
  readonly residentId: string;
  readonly staffId: string;
  readonly now: Date;
}

/** Ids by argument or field name; any other id is foreign (a UUID of nothing). */
const ID_BY_NAME: Record<string, keyof FuzzFixture> = {
  propertyId: 'propertyId',
  propertyIds: 'propertyId',
  buildingId: 'buildingId',
  unitId: 'unitId',
  unitIds: 'unitId',
  notifiedUnitIds: 'unitId',
  residentId: 'residentId',
  requesterId: 'residentId',
  assigneeIds: 'staffId',
  assigneeId: 'staffId',
  staffId: 'staffId',
  technicianId: 'staffId',
  ownerId: 'staffId',
};

/** Strings the services check the format of: a plausible one, so another leaf's bad value is what is judged. */
const STRING_BY_NAME: Record<string, (fixture: FuzzFixture) => string> = {
  code: () => `FZ-${randomUUID().slice(0, 6).toUpperCase()}`,
  timeZone: () => 'Asia/Shanghai',
  phone: () => '13800000000',
  contactPhone: () => '13800000000',
  phoneSuffix: () => '0000',
  idDocumentNumber: () => 'A1234567',
  start: () => '08:00',
  end: () => '17:00',
  attachments: () => 'https://example.com/photo.jpg',
  currency: () => 'CNY',
  period: (fixture) => fixture.now.toISOString().slice(0, 7),
  quarter: (fixture) => `${fixture.now.getUTCFullYear()}-Q1`,
  idempotencyKey: () => `fuzz-${randomUUID()}`,
  version: () => 'v1',
};

/**
 * A type-correct, plausible value for a position: the fixture's records for ids that name them,
 * formats the services check, the first enum value; only required fields of input objects.
 */
export function baseValue(
  type: GraphQLInputType,
  name: string,
  fixture: FuzzFixture,
  root: RootField,
): unknown {
  if (isNonNullType(type)) return baseValue(type.ofType, name, fixture, root);
  if (isListType(type)) return [baseValue(type.ofType as GraphQLInputType, name, fixture, root)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, baseValue(field.type, field.name, fixture, root)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  switch (type.name) {
    case 'ID': {
      const named = ID_BY_NAME[name];
      if (named) return fixture[named];
      // `property(id:)` names the fixture property; any other `id` is foreign.
      if (name === 'id' && getNamedType(root.field.type).name === 'Property') return fixture.propertyId;
      return randomUUID();
    }
    case 'String':
      return STRING_BY_NAME[name]?.(fixture) ?? 'Fuzz value';
    case 'Int':
      return 1;
    case 'Float':
      return 50;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(fixture.now.getTime() + 3_600_000).toISOString();
    case 'LocalDate':
      return fixture.now.toISOString().slice(0, 10);
    default:
      return 'Fuzz value';
  }
}

/** Values for every required argument of a root field. */
export function baseArguments(root: RootField, fixture: FuzzFixture): Record<string, unknown> {
  return Object.fromEntries(
    (root.field.args as readonly GraphQLArgument[])
      .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
      .map((arg) => [arg.name, baseValue(arg.type, arg.name, fixture, root)]),
  );
}
