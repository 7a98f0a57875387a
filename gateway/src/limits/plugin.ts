import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { CostCache } from './cost-cache.js';
import { operationCost, tooCostly, type CostLimit } from './cost.js';

/**
 * Prices the operation once its variables are known (page sizes often arrive as variables),
 * after validation and before the query plan runs, and refuses it over the limit. A price is
 * remembered per document and variables shape (per schema, so a new supergraph prices anew).
 */
export const costLimitPlugin = <TContext extends object>(
  limit: CostLimit & { cacheMax?: number },
): ApolloServerPlugin<TContext> => {
  const caches = new WeakMap<GraphQLSchema, CostCache>();
  const cacheFor = (schema: GraphQLSchema) => {
    let cache = caches.get(schema);
    if (!cache) caches.set(schema, (cache = new CostCache(limit.cacheMax ?? 1000)));
    return cache;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation, queryHash }) {
          const variables = request.variables ?? {};
          const price = () => operationCost(schema, document, variables, operationName ?? undefined, limit);
          let cost: number;
          try {
            cost = operation ? cacheFor(schema).priced(queryHash, operation, variables, price) : price();
          } catch {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT
            // before any subgraph is called, so there is nothing to price.
            return;
          }
          if (cost > limit.maxCost) throw tooCostly(cost, limit);
        },
      };
    },
  };
};
