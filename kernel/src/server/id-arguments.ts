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
import { ID_DESCRIPTION, ID_PATTERN } from '../domain/validation.js';

/**
 * A stricter format for an `ID` argument or input field than a record id's (`Type.field` for an
 * input field, `Type.field(arg:)` for an argument): a key local to its parent, such as a survey
 * question's slug. Every other `ID` is checked as a record id (`ID_PATTERN`).
 */
export type IdFormats = Readonly<Record<string, { pattern: RegExp; description: string }>>;

interface IdProblem {
  path: string;
  message: string;
}

const RECORD_ID = { pattern: ID_PATTERN, description: ID_DESCRIPTION };
/** Enough to fix the request; a list of 5,000 bad ids is not reported 5,000 times. */
const MAX_REPORTED = 10;

/** Which arguments of a field can hold an id at all, so fields without one are left untouched. */
function holdsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsId(field.type, seen));
}

/** Walks one coerced value along its input type and reports every id not in its format. */
function collect(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  formats: IdFormats,
  format: { pattern: RegExp; description: string },
  problems: IdProblem[],
): void {
  if (value === null || value === undefined || problems.length >= MAX_REPORTED) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const itemType = nullable.ofType as GraphQLInputType;
    items.forEach((item, index) =>
      collect(itemType, item, Array.isArray(value) ? `${path}.${index}` : path, formats, format, problems),
    );
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const own = formats[`${nullable.name}.${field.name}`] ?? RECORD_ID;
      const fieldValue = (value as Record<string, unknown>)[field.name];
      collect(field.type, fieldValue, `${path}.${field.name}`, formats, own, problems);
    }
    return;
  }
  if (nullable.name === 'ID' && !(typeof value === 'string' && format.pattern.test(value)))
    problems.push({ path, message: `must be ${format.description}` });
}

/** Every malformed id among a field's coerced arguments (paths like `input.unitId`). */
export function invalidIds(
  coordinate: string,
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  formats: IdFormats = {},
): IdProblem[] {
  const problems: IdProblem[] = [];
  for (const arg of args) {
    const format = formats[`${coordinate}(${arg.name}:)`] ?? RECORD_ID;
    collect(arg.type, values[arg.name], arg.name, formats, format, problems);
  }
  return problems;
}

/**
 * Refuses malformed ids at the edge of every subgraph: each field of the schema with an `ID`
 * argument (directly or inside an input object) checks its arguments before its resolver, the
 * access rules and any lookup run, with BAD_USER_INPUT / INVALID_ID. The bad value is never
 * echoed (it may be 200 kB); the path says which one it was.
 */
export function refuseMalformedIds(schema: GraphQLSchema, formats: IdFormats = {}): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const args = field.args.filter((arg) => holdsId(arg.type));
      if (args.length === 0) continue;
      const coordinate = `${type.name}.${field.name}`;
      const inner = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
      field.resolve = (parent, values: Record<string, unknown>, context, info) => {
        const problems = invalidIds(coordinate, args, values, formats);
        if (problems.length > 0) {
          throw new DomainError(
            'BAD_USER_INPUT',
            'INVALID_ID',
            `Invalid id: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`,
            { fields: problems },
          );
        }
        return inner(parent, values, context, info);
      };
    }
  }
  return schema;
}
