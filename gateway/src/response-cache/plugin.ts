import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { responseCacheInvalidations, responseCacheLookups } from '@courtyard/kernel';
import { cacheableOperation } from './cacheable.js';
import { responseKey } from './key.js';
import type { ReadStart, ResponseStore } from './store.js';

/** What the cache needs of the request context (the gateway's context has it). */
export interface CacheContext {
  /** The verified caller's claims (see callerScopeOf). */
  callerScope?: string;
  /** The subgraphs this request's fetches went to, filled in by the data sources. */
  subgraphsCalled?: Set<string>;
}

export type CachedData = Record<string, unknown>;

/**
 * Answers a query from the cache when an identical one (same caller scope, document, operation
 * and variables) was answered without errors and nothing it read from has been written since;
 * otherwise runs it and holds a wholly successful answer, tagged with the subgraphs it came
 * from. A mutation ends, before its answer goes out, every held answer of the subgraphs it
 * touched: the client that wrote reads its write at once. After the limits and the
 * introspection plugin, so everything is checked as before; only the execution is saved.
 */
export const responseCachePlugin = <TContext extends CacheContext>(cache: {
  store: ResponseStore<CachedData>;
  /** False while the subgraphs' events are not heard: nothing is served or held. */
  serving: () => boolean;
}): ApolloServerPlugin<TContext> => ({
  async requestDidStart() {
    let pending: { key: string; start: ReadStart } | undefined;
    return {
      async responseForOperation({ schema, document, operationName, request, queryHash, contextValue }) {
        if (!contextValue.callerScope || !queryHash || !cacheableOperation(schema, document, operationName)) {
          responseCacheLookups.inc({ outcome: 'not_cacheable' });
          return null;
        }
        if (!cache.serving()) {
          responseCacheLookups.inc({ outcome: 'not_serving' });
          return null;
        }
        const key = responseKey({
          callerScope: contextValue.callerScope,
          queryHash,
          operationName,
          variables: request.variables,
        });
        const held = cache.store.get(key);
        if (held) {
          responseCacheLookups.inc({ outcome: 'hit' });
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: held } },
          };
        }
        responseCacheLookups.inc({ outcome: 'miss' });
        pending = { key, start: cache.store.begin() };
        return null;
      },

      async willSendResponse({ response, contextValue, operation }) {
        const called = contextValue.subgraphsCalled ?? new Set<string>();
        if (operation?.operation === 'mutation') {
          for (const subgraph of called) {
            cache.store.invalidate(subgraph);
            responseCacheInvalidations.inc({ subgraph, cause: 'mutation' });
          }
          return;
        }
        if (!pending || response.body.kind !== 'single' || !cache.serving()) return;
        const { data, errors } = response.body.singleResult;
        const status = response.http.status;
        if (errors?.length || !data || (status !== undefined && status !== 200)) return;
        cache.store.store(pending.key, pending.start, called, {
          answer: data,
          bytes: JSON.stringify(data).length,
        });
      },
    };
  },
});
