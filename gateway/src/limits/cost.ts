import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { introspectionEstimator } from '../introspection/index.js';

/** Lists a connection already multiplied by its page size; counting them again would square it. */
const PAGE_LISTS = new Set(['edges', 'nodes']);

/**
 * A field costs 1 plus what it selects; a paginated field multiplies that by the page asked
 * for (`first`, with its schema default), an unpaginated list by an assumed size.
 */
export const paginationEstimator =
  (assumedListSize: number): ComplexityEstimator =>
  ({ field, args, childComplexity }) => {
    const each = 1 + childComplexity;
    if (typeof args.first === 'number') return each * Math.max(args.first, 1);
    const listed = isListType(getNullableType(field.type)) && !PAGE_LISTS.has(field.name);
    return listed ? each * assumedListSize : each;
  };

export interface CostLimit {
  maxCost: number;
  assumedListSize: number;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limit: CostLimit,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [introspectionEstimator(), paginationEstimator(limit.assumedListSize)],
  });
}

export const tooCostly = (cost: number, limit: CostLimit) =>
  new GraphQLError(`Query cost ${cost} exceeds the limit of ${limit.maxCost}; ask for smaller pages`, {
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_COSTLY',
      cost,
      limit: limit.maxCost,
      http: { status: 400 },
    },
  });
