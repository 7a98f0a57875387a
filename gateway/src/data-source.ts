import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import {
  activeTraceparent,
  CALLER_HEADER,
  continueTrace,
  formatTraceparent,
  IDEMPOTENCY_KEY_HEADER,
  inSpan,
  REQUEST_ID_HEADER,
  SpanKind,
  subgraphFetches,
  TRACEPARENT_HEADER,
} from '@courtyard/kernel';
import { coalescingKey, InFlightFetches } from './fetch/coalesce.js';
import { SubgraphAnswer } from './fetch/subgraph-answer.js';
import { pooledFetcher } from './fetch/subgraph-fetch.js';

export interface GatewayContext {
  requestId: string;
  /** The verified caller, re-signed for subgraphs (they trust nothing else). */
  callerToken: string;
  /** W3C trace context the gateway sends to every subgraph of this request. */
  traceparent: string;
  /** The client's `Idempotency-Key`, passed to every subgraph of the request (they handle it). */
  idempotencyKey?: string;
  /** The verified caller's claims, what the response cache keys answers by. */
  callerScope?: string;
  /** The subgraphs this request's fetches went to (the response cache's tags and invalidation). */
  subgraphsCalled?: Set<string>;
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

/**
 * A 400 whose body is a GraphQL response (the subgraph refused the variables: an invalid
 * DateTime, LocalDate or input) is the client's error, passed on with its code like any other
 * subgraph error, not a failed fetch.
 */
async function asGraphQLResponse(response: SubgraphAnswer): Promise<SubgraphAnswer> {
  const text = await response.text();
  let errors: unknown;
  try {
    errors = (JSON.parse(text) as { errors?: unknown }).errors;
  } catch {
    errors = undefined;
  }
  const status = Array.isArray(errors) && errors.length > 0 ? 200 : 400;
  return new SubgraphAnswer(status, response.headers, text, response.url);
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/** The response keys a selection set answers (aliases as the client sees them), through fragments. */
const keysOf = (selectionSet: SelectionSetNode | undefined): string[] =>
  (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      return key === '__typename' ? [] : [key];
    }
    return selection.kind === Kind.INLINE_FRAGMENT ? keysOf(selection.selectionSet) : [];
  });

/**
 * Where the fields of a failed fetch sit, in the paths of the fetch the gateway's executor maps
 * onto the client's: `[field]` for a root fetch, `['_entities', i, field]` for each entity of an
 * entity fetch (the executor turns these into `['resident', 'helpRequests']`).
 */
export function pathsOfFetch(
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | undefined,
): Array<Array<string | number>> {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const [first] = operation.selectionSet.selections;
  if (first?.kind === Kind.FIELD && first.name.value === '_entities') {
    const count = Array.isArray(variables?.representations) ? variables.representations.length : 0;
    const fields = keysOf(first.selectionSet);
    return Array.from({ length: count }, (_, i) => fields.map((field) => ['_entities', i, field])).flat();
  }
  return keysOf(operation.selectionSet).map((field) => [field]);
}

/**
 * A subgraph's refusal (non-2xx) as the client may see it: a stable code and the subgraph's
 * name, never its internal URL, status line or body (those go to the gateway's log).
 */
const refused = (subgraph: string, status: number) =>
  new GraphQLError(`The ${subgraph} service refused the request`, {
    extensions: {
      code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'SUBGRAPH_UNAVAILABLE',
      reason: status === 401 || status === 403 ? 'SUBGRAPH_REFUSED_CALLER' : 'SUBGRAPH_ERROR',
      subgraph,
    },
  });

/** How a fetch went, for the per-subgraph metrics: a refusal or no answer is `unavailable`. */
const outcomeOf = (response: SubgraphResponse): 'ok' | 'error' | 'unavailable' => {
  const errors = response.errors ?? [];
  if (errors.length === 0) return 'ok';
  const code = errors[0]?.extensions?.code;
  const reason = errors[0]?.extensions?.reason;
  return code === 'SUBGRAPH_UNAVAILABLE' || reason === 'SUBGRAPH_REFUSED_CALLER' ? 'unavailable' : 'error';
};

/** An answer of its own for a request that waited on another's identical fetch. */
const copyOf = (response: SubgraphResponse): SubgraphResponse => {
  const { http, ...body } = response;
  return { ...structuredClone(body), ...(http ? { http } : {}) };
};

/**
 * Forwards identity, the request id and trace context to a subgraph, bounds how long it may
 * take, and sends identical queries of one caller that are in flight together once.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlightFetches<SubgraphResponse>();

  constructor(
    private readonly name: string,
    url: string,
    timeoutMs: number,
    private readonly onRefusal: (detail: { subgraph: string; status: number; body: unknown }) => void = () =>
      undefined,
    connectionsPerSubgraph = 64,
  ) {
    const send = pooledFetcher({ timeoutMs, connectionsPerSubgraph });
    super({
      url,
      fetcher: async (input, init) => {
        try {
          const response = await send(input, init as Parameters<typeof send>[1]);
          return response.status === 400 ? await asGraphQLResponse(response) : response;
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
    // Traced, the fetch's own client span is the subgraph's parent; otherwise the request's hop.
    request.http?.headers.set(TRACEPARENT_HEADER, activeTraceparent() ?? context.traceparent);
    if (context.idempotencyKey) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotencyKey);
  }

  /**
   * A subgraph that did not answer costs only its fields: instead of a thrown error (which the
   * executor reports without a path), an answer of errors, one per field it was asked for, at the
   * path the client sees; the executor leaves those fields null and keeps the rest.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    const key = coalescingKey({
      url: this.url ?? '',
      callerToken: 'callerToken' in options.context ? options.context.callerToken : undefined,
      document: 'document' in options ? options.document : undefined,
      query: options.request.query,
      operationName: options.request.operationName ?? undefined,
      variables: options.request.variables,
    });
    if ('callerToken' in options.context) options.context.subgraphsCalled?.add(this.name);
    const operation =
      ('incomingRequestContext' in options ? options.incomingRequestContext.operationName : undefined) ??
      'anonymous';
    const stop = subgraphFetches.startTimer({ subgraph: this.name, operation });
    try {
      const response = await inSpan(
        `fetch ${this.name}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'graphql.subgraph.name': this.name, 'graphql.operation.name': operation },
        },
        () => this.inFlight.run(key, () => this.processOnce(options), copyOf),
      );
      stop({ outcome: outcomeOf(response) });
      return response;
    } catch (error) {
      stop({ outcome: 'unavailable' });
      throw error;
    }
  }

  private async processOnce(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!(error instanceof GraphQLError) || !('document' in options)) {
        throw error;
      }
      const { message } = error;
      // A refusal is the operator's to look into: the client quotes the request id.
      const extensions =
        error.extensions.reason === 'SUBGRAPH_REFUSED_CALLER' || error.extensions.reason === 'SUBGRAPH_ERROR'
          ? { ...error.extensions, requestId: options.context.requestId }
          : error.extensions;
      const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
      const paths = pathsOfFetch(document, options.request.variables);
      const errors: GraphQLFormattedError[] =
        paths.length > 0 ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }];
      return { errors };
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    this.onRefusal({ subgraph: this.name, status: response.status, body });
    return refused(this.name, response.status);
  }
}
