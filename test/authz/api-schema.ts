import { readFileSync } from 'node:fs';
import { loadApiSchema as apiSchemaOf } from '../../gateway/src/persisted/api-schema.js';
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
 * The schema clients see, from the committed supergraph by the gateway's own code. Reading the
 * composed file (not the subgraph SDLs) means a field reaches the matrix exactly when clients
 * can call it.
 */
export const loadApiSchema = (path = `${ROOT}schema/supergraph.graphql`): Promise<GraphQLSchema> =>
  apiSchemaOf(readFileSync(path, 'utf8'));

export function rootFields(schema: GraphQLSchema): RootField[] {
  const of = (operation: RootOperation, type: GraphQLObjectType | null | undefined) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({
      key: `${operation}.${field.name}`,
      operation,
      field,
    }));
  return [...of('Query', schema.getQueryType()), ...of('Mutation', schema.getMutationType())];
}
