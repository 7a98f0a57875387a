import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';

/** The JSON every refusal at the HTTP edge answers with: GraphQL's error shape and a stable code. */
export const edgeError = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * Stop accepting: once shutdown has begun, a request that arrives (on a kept-alive connection)
 * is refused before it reaches a resolver, so it cannot commit, and the client can tell (503,
 * `SERVICE_STOPPING`, retry elsewhere). Requests already past this point finish normally.
 */
export const refuseWhenStopping =
  (accepting: () => boolean): RequestHandler =>
  (_req, res, next) => {
    if (accepting()) return next();
    res
      .status(503)
      .set({ connection: 'close', 'retry-after': '1' })
      .json(edgeError('The service is shutting down; retry the request', 'SERVICE_STOPPING'));
  };

/**
 * An answer given after shutdown began (a request in flight at the signal) says
 * `connection: close`, so the client opens a new connection for its next request (and is
 * refused, knowingly) instead of writing it into a connection the drain is closing.
 */
export function closeConnectionsWhenStopping<TContext extends BaseContext>(
  accepting: () => boolean,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!accepting()) response.http.headers.set('connection', 'close');
        },
      };
    },
  };
}

interface BodyError {
  status: number;
  code: string;
  message: string;
}

/** body-parser's failures (by its `type`) as the client sees them: JSON, a stable code, no stack. */
const BODY_ERRORS: Readonly<Record<string, BodyError>> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'entity.verify.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body was refused' },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is over the size limit',
  },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The request body is not the declared size',
  },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted' },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported charset: send application/json in UTF-8',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported content encoding: send identity, gzip, deflate or br',
  },
};

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

/**
 * The last error handler of the HTTP server: every failure before GraphQL (a malformed or
 * oversized body, an unsupported charset or encoding) answers JSON in GraphQL's error shape
 * with a stable code, never Express's HTML page with its stack and paths.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
    const status = statusOf(error);
    const answer =
      known ??
      (status !== undefined && status >= 400 && status < 500
        ? { status, code: 'BAD_REQUEST', message: 'The request could not be read' }
        : undefined);
    if (answer) {
      res.status(answer.status).json(edgeError(answer.message, answer.code));
      return;
    }
    logger.error({ err: error }, 'unexpected error at the HTTP edge');
    res.status(500).json(edgeError('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}

/** Any other path: JSON too. */
export const jsonNotFound: RequestHandler = (_req, res) => {
  res.status(404).json(edgeError('Not found', 'NOT_FOUND'));
};

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * The request names no operation it can run (several without `operationName`, an unknown
 * `operationName`) or a subscription, which this HTTP API does not serve: a 400 with
 * `BAD_REQUEST` before execution, where the gateway's executor would throw a server error.
 */
export function operationResolution<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw badRequest(
              request.operationName
                ? `No operation named "${request.operationName.slice(0, 100)}" in the document`
                : 'The document has several operations: name the one to run in operationName',
            );
          }
          if (operation.operation === 'subscription')
            throw badRequest('Subscriptions are not supported over HTTP');
        },
      };
    },
  };
}
