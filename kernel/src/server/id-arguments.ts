import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { DomainError } from '../errors.js';
import { isId } from '../domain/validation.js';

/**
 * Coordinates of `ID` arguments and input fields that are not record ids (`Type.field` for an
 * input field, `Type.field(arg:)` for an argument): a key local to its parent, such as a survey
 * question's slug. Everything else typed `ID` must be a record id.
 */
export type LocalKeys = ReadonlySet<string>;

interface IdProblem {
  path: string;
  message: string;
}

const MESSAGE = 'must be an id (a lower-case UUID)';
/** Enough to fix the request; a list of 5,000 bad ids is not reported 5,000 times. */
const MAX_REPORTED = 10;

/** Which arguments of a field can hold an id at all, so fields without one are left untouched. */
function holdsId(type: GraphQLInputType, localKeys: LocalKeys, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some(
    (field) => !localKeys.has(`${named.name}.${field.name}`) && holdsId(field.type, localKeys, seen),
  );
}

/** Walks one coerced value along its input type and reports every id that is not one. */
function collect(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  localKeys: LocalKeys,
  problems: IdProblem[],
): void {
  if (value === null || value === undefined || problems.length >= MAX_REPORTED) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      value.forEach((item, index) =>
        collect(nullable.ofType as GraphQLInputType, item, `${path}.${index}`, localKeys, problems),
      );
    else collect(nullable.ofType as GraphQLInputType, value, path, localKeys, problems);
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      if (localKeys.has(`${nullable.name}.${field.name}`)) continue;
      collect(
        field.type,
        (value as Record<string, unknown>)[field.name],
        `${path}.${field.name}`,
        localKeys,
        problems,
      );
    }
    return;
  }
  if (nullable.name === 'ID' && !isId(value)) problems.push({ path, message: MESSAGE });
}

/** Every malformed id among a field's coerced arguments (paths like `input.unitId`). */
export function invalidIds(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  localKeys: LocalKeys = new Set(),
): IdProblem[] {
  const problems: IdProblem[] = [];
  for (const arg of args) collect(arg.type, values[arg.name], arg.name, localKeys, problems);
  return problems;
}

/**
 * Refuses malformed ids at the edge of every subgraph: each field of the schema with an `ID`
 * argument (directly or inside an input object) checks its arguments before its resolver, the
 * access rules and any lookup run, with BAD_USER_INPUT / INVALID_ID. The bad value is never
 * echoed (it may be 200 kB); the path says which one it was.
 */
export function refuseMalformedIds(schema: GraphQLSchema, localKeys: LocalKeys = new Set()): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const args = field.args.filter(
        (arg) => !localKeys.has(`${type.name}.${field.name}(${arg.name}:)`) && holdsId(arg.type, localKeys),
      );
      if (args.length === 0) continue;
      const inner = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
      field.resolve = (parent, values: Record<string, unknown>, context, info) => {
        const problems = invalidIds(args, values, localKeys);
        if (problems.length > 0) {
          throw new DomainError(
            'BAD_USER_INPUT',
            'INVALID_ID',
            `Invalid id: ${problems.map((problem) => problem.path).join(', ')} ${MESSAGE}`,
            { fields: problems },
          );
        }
        return inner(parent, values, context, info);
      };
    }
  }
  return schema;
}
