import type { Request, RequestHandler, Response } from 'express';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/**
 * Apollo Server behind Express, as `@as-integrations/express5` does it (the same request Apollo
 * sees: method, headers, query string, parsed body) but answering with one `res.end` instead of
 * Express's `res.send`. `send` hashes every body for an ETag, parses the content type again
 * for a charset and checks freshness: work on every answer that no GraphQL client uses (a POST
 * is never answered 304), measured at several percent of the gateway's CPU per request.
 */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (args: { req: Request; res: Response }) => Promise<TContext>,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req, res) => {
    if (!('body' in req)) {
      res
        .status(500)
        .send('`req.body` is not set: the JSON body parser must run before the GraphQL handler.');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query === -1 ? '' : req.url.slice(query),
        body: req.body as unknown,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(req.method === 'HEAD' ? undefined : answer.body.string);
      return;
    }
    // Incremental delivery (@defer): each part as it comes.
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
