import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What one `__schema` or `__type` field costs, whatever it selects: the gateway answers it from
 * the schema it holds, calling no subgraph, so its selection is not multiplied like data pages.
 * The standard introspection query is one such field; ten of them under aliases reach the
 * default limit of 10,000, and a query mixing introspection with data pays for both.
 */
export const INTROSPECTION_FIELD_COST = 1_000;

export const introspectionEstimator =
  (cost: number = INTROSPECTION_FIELD_COST): ComplexityEstimator =>
  ({ field }) =>
    field.name === '__schema' || field.name === '__type' ? cost : undefined;
