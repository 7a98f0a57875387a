import { Agent } from 'undici';
import { SubgraphAnswer, SubgraphHeaders } from './subgraph-answer.js';

/** What RemoteGraphQLDataSource hands its fetcher (headers flattened, body a JSON string). */
export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Subgraph calls over a pool of kept-alive connections with undici's request API: Node's
 * global fetch builds WHATWG streams for every request and answer, which costs the gateway
 * more than the small JSON bodies it carries; the answer is read whole and handed on as a
 * light fetch-style response (see SubgraphAnswer). Each call still gets its whole time budget as one
 * AbortSignal, so a slow subgraph fails with the same TimeoutError as before.
 */
export function pooledFetcher(options: { timeoutMs: number; connectionsPerSubgraph: number }) {
  const agent = new Agent({
    connections: options.connectionsPerSubgraph,
    keepAliveTimeout: 30_000,
    pipelining: 1,
  });
  return async (url: string, init: SubgraphRequestInit = {}): Promise<SubgraphAnswer> => {
    const target = new URL(url);
    const { statusCode, headers, body } = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: init.method === 'GET' ? 'GET' : 'POST',
      headers: init.headers ?? {},
      body: init.body ?? null,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return new SubgraphAnswer(statusCode, new SubgraphHeaders(headers), await body.text(), url);
  };
}
