import type { ApolloServerPlugin } from '@apollo/server';
import {
  createKafka,
  observeResponseCacheServing,
  responseCacheInvalidations,
  type Logger,
} from '@courtyard/kernel';
import { startEventFeed, subgraphsOf } from './event-feed.js';
import { responseCachePlugin, type CacheContext, type CachedData } from './plugin.js';
import { ResponseStore } from './store.js';

export { callerScopeOf } from './key.js';
export type { CacheContext } from './plugin.js';

export interface ResponseCacheOptions {
  maxEntries: number;
  maxBytes: number;
  maxAgeMs: number;
  kafkaBrokers: readonly string[];
  supergraphSdl: string;
  logger: Logger;
}

/**
 * The gateway's response cache (GATEWAY_RESPONSE_CACHE=on): the store, the plugin that serves
 * and fills it, and the feed of every subgraph's events that invalidates it.
 */
export function startResponseCache<TContext extends CacheContext>(
  options: ResponseCacheOptions,
): { plugin: ApolloServerPlugin<TContext>; stop: () => Promise<void> } {
  const store = new ResponseStore<CachedData>(options);
  const feed = startEventFeed({
    kafka: createKafka('gateway-response-cache', options.kafkaBrokers, options.logger),
    subgraphs: subgraphsOf(options.supergraphSdl),
    logger: options.logger,
    onWrite: (subgraph) => {
      store.invalidate(subgraph);
      responseCacheInvalidations.inc({ subgraph, cause: 'event' });
    },
    onHeard: () => {
      store.clear();
      responseCacheInvalidations.inc({ subgraph: '*', cause: 'broker' });
    },
  });
  observeResponseCacheServing(() => feed.heard());
  return {
    plugin: responseCachePlugin<TContext>({ store, serving: () => feed.heard() }),
    stop: () => feed.stop(),
  };
}
