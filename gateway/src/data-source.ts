import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, REQUEST_ID_HEADER } from '@courtyard/kernel';

export interface GatewayContext {
  requestId: string;
  /** The verified caller, re-signed for subgraphs (they trust nothing else). */
  callerToken: string;
}

/**
 * A subgraph that is down or slower than its budget costs the client only that subgraph's
 * fields: they come back null with this error, the rest of the answer stands.
 */
const unavailable = (subgraph: string, error: unknown) =>
  new GraphQLError(`The ${subgraph} service did not answer; its fields are missing from this result`, {
    extensions: {
      code: 'SUBGRAPH_UNAVAILABLE',
      reason: error instanceof DOMException && error.name === 'TimeoutError' ? 'TIMEOUT' : 'UNREACHABLE',
      subgraph,
    },
  });

/** Forwards identity and the request id to a subgraph, and bounds how long it may take. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, timeoutMs: number) {
    super({
      url,
      fetcher: async (input, init) => {
        try {
          return await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit);
        } catch (error) {
          throw unavailable(name, error);
        }
      },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('callerToken' in context) || !context.callerToken) return;
    request.http?.headers.set(CALLER_HEADER, context.callerToken);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
