import type { ApolloServerPlugin } from '@apollo/server';
import { operationCost, tooCostly, type CostLimit } from './cost.js';

/**
 * Prices the operation once its variables are known (page sizes often arrive as variables),
 * after validation and before the query plan runs, and refuses it over the limit.
 */
export const costLimitPlugin = <TContext extends object>(limit: CostLimit): ApolloServerPlugin<TContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request, operationName }) {
        let cost: number;
        try {
          cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined, limit);
        } catch {
          // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT
          // before any subgraph is called, so there is nothing to price.
          return;
        }
        if (cost > limit.maxCost) throw tooCostly(cost, limit);
      },
    };
  },
});
