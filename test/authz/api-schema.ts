import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ROOT } from '../../scripts/lib/subgraphs.js';

export type RootOperation = 'Query' | 'Mutation';

export interface RootField {
  /** `Query.helpRequest`: the key of the expectation table. */
  readonly key: string;
  readonly operation: RootOperation;
  readonly field: GraphQLField<unknown, unknown>;
}

/**
 * The schema clients see, built the way the gateway builds it: the committed supergraph minus
 * federation's join/link machinery and `@inaccessible` elements. Reading the composed file
 * (not the subgraph SDLs) means a field reaches the matrix exactly when clients can call it.
 */
export function loadApiSchema(path = `${ROOT}schema/supergraph.graphql`): GraphQLSchema {
  return Supergraph.build(readFileSync(path, 'utf8')).apiSchema().toGraphQLJSSchema();
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const of = (operation: RootOperation, type: GraphQLObjectType | null | undefined) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({
      key: `${operation}.${field.name}`,
      operation,
      field,
    }));
  return [...of('Query', schema.getQueryType()), ...of('Mutation', schema.getMutationType())];
}
