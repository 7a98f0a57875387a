import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';

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
