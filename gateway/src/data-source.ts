import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, REQUEST_ID_HEADER } from '@courtyard/kernel';

export interface GatewayContext {
  requestId: string;
  /** The verified caller, re-signed for subgraphs (they trust nothing else). */
  callerToken: string;
}

/** Forwards identity and the request id to a subgraph, and bounds how long it may take. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, timeoutMs: number) {
    super({
      url,
      fetcher: (input, init) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit),
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('callerToken' in context) || !context.callerToken) return;
    request.http?.headers.set(CALLER_HEADER, context.callerToken);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
