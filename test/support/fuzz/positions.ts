import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedInputType,
} from 'graphql';
import type { RootField } from '../../authz/api-schema.js';

/** One place in a root field's arguments a value can be put: `input.assigneeIds.0`. */
export interface Position {
  readonly root: RootField;
  /** Keys from the argument down; a list is entered at index 0. */
  readonly path: readonly (string | number)[];
  readonly type: GraphQLNamedInputType;
  readonly required: boolean;
  /** The input object or argument list it sits in and its own name, for naming the value. */
  readonly name: string;
}

const MAX_DEPTH = 6;

function walk(
  root: RootField,
  type: GraphQLInputType,
  path: (string | number)[],
  name: string,
  out: Position[],
  depth: number,
): void {
  const required = isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    walk(root, inner.ofType as GraphQLInputType, [...path, 0], name, out, depth + 1);
    return;
  }
  const named = getNamedType(inner) as GraphQLNamedInputType;
  if (isLeafType(named)) {
    out.push({ root, path, type: named, required, name });
    return;
  }
  if (isInputObjectType(named) && depth < MAX_DEPTH) {
    out.push({ root, path, type: named, required, name });
    for (const field of Object.values(named.getFields()))
      walk(root, field.type, [...path, field.name], field.name, out, depth + 1);
  }
}

/** Every leaf and input object reachable from a root field's arguments. */
export function positionsOf(root: RootField): Position[] {
  const out: Position[] = [];
  for (const arg of root.field.args as readonly GraphQLArgument[])
    walk(root, arg.type, [arg.name], arg.name, out, 0);
  return out;
}

export const isEnumPosition = (position: Position) => isEnumType(position.type);
