import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperations } from './metrics.js';
import { nameActiveSpanAfterOperation } from '../tracing/spans.js';

/** Times every operation and stamps unexpected errors with the request id to quote. */
export function observeOperations<TContext extends { requestId: string }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const stop = graphqlOperations.startTimer();
      return {
        async willSendResponse({ response, contextValue, operationName, operation, errors }) {
          nameActiveSpanAfterOperation(operation?.operation, operationName ?? undefined);
          stop({ operation: operationName ?? 'anonymous', outcome: errors?.length ? 'error' : 'ok' });
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && contextValue?.requestId) {
              Object.assign(error, {
                extensions: { ...error.extensions, requestId: contextValue.requestId },
              });
            }
          }
        },
      };
    },
  };
}
