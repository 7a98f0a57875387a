import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  CALLER_HEADER,
  continueTrace,
  formatTraceparent,
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
} from '@courtyard/kernel';

export interface GatewayContext {
  requestId: string;
  /** The verified caller, re-signed for subgraphs (they trust nothing else). */
  callerToken: string;
  /** W3C trace context the gateway sends to every subgraph of this request. */
  traceparent: string;
}

/**
 * The gateway is a hop of the trace: it continues a valid incoming `traceparent` as a span of
 * its own (same trace id and flags, a new parent id, as W3C asks of an intermediary), and
 * starts a new trace when the header is absent or invalid, so every request has one and no
 * malformed header reaches a subgraph. One span per client request: every subgraph fetch of
 * the request is a child of it.
 */
export const traceparentForSubgraphs = (incoming: string | undefined): string =>
  formatTraceparent(continueTrace(incoming));

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

/** Forwards identity, the request id and trace context to a subgraph, and bounds how long it may take. */
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
    request.http?.headers.set(TRACEPARENT_HEADER, context.traceparent);
  }
}
