import { randomBytes, randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import type { RootField } from './api-schema.js';

export interface GeneratedOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** What the generated arguments point at: the fixture property keeps staff in their own scope. */
export interface ArgumentScope {
  readonly propertyId: string;
  readonly now: Date;
}

const PROPERTY_ID = /^propertyIds?$/;

/**
 * Strings whose format the services validate before their role checks run today: a dummy that
 * failed validation would answer BAD_USER_INPUT and hide the refusal the matrix is probing for.
 */
const STRING_BY_NAME: Record<string, () => string> = {
  code: () => `AZ-${randomBytes(4).toString('hex').toUpperCase()}`,
  timeZone: () => 'Asia/Shanghai',
  phone: () => '13800000000',
  contactPhone: () => '13800000000',
  phoneSuffix: () => '0000',
  idDocumentNumber: () => 'A1234567',
  start: () => '08:00',
  end: () => '17:00',
  attachments: () => 'https://example.com/photo.jpg',
};

function valueFor(
  type: GraphQLInputType,
  name: string,
  scope: ArgumentScope,
  isPropertyId: boolean,
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, scope, isPropertyId);
  if (isListType(type)) return [valueFor(type.ofType, name, scope, isPropertyId)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, valueFor(field.type, field.name, scope, PROPERTY_ID.test(field.name))]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  switch (type.name) {
    case 'ID':
      // The one id format (a UUID), so an allowed role is answered NOT_FOUND, not INVALID_ID.
      return isPropertyId ? scope.propertyId : randomUUID();
    case 'String':
      return STRING_BY_NAME[name]?.() ?? 'Authorisation matrix probe';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    // A minute ago: times the services check against "now" (e.g. when a resident was told).
    case 'DateTime':
      return new Date(scope.now.getTime() - 60_000).toISOString();
    case 'LocalDate':
      return scope.now.toISOString().slice(0, 10);
    default:
      throw new TypeError(
        `No dummy value for scalar ${type.name} (argument ${name}): teach test/authz/operation.ts one`,
      );
  }
}

/**
 * One operation calling `root` alone: every required argument (and required input field)
 * filled with a type-correct dummy, optional ones left out, and `__typename` as the only
 * selection, so the answer depends on the gate and not on data the cell happens to reach.
 */
export function generateOperation(root: RootField, scope: ArgumentScope): GeneratedOperation {
  const required = root.field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  // `property(id:)` names a property by its own id: the fixture, like every propertyId.
  const namesProperty = getNamedType(root.field.type).name === 'Property';
  const variables = Object.fromEntries(
    required.map((arg) => [
      arg.name,
      valueFor(arg.type, arg.name, scope, PROPERTY_ID.test(arg.name) || (namesProperty && arg.name === 'id')),
    ]),
  );
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const argumentList = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(root.field.type);
  const selection = isLeafType(returned) ? '' : ' { __typename }';
  const keyword = root.operation === 'Query' ? 'query' : 'mutation';
  return {
    query:
      `${keyword} AuthorizationMatrix${declarations ? `(${declarations})` : ''} ` +
      `{ ${root.field.name}${argumentList ? `(${argumentList})` : ''}${selection} }`,
    variables,
  };
}
