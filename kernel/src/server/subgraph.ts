import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { enforceAccessRulesOn, type AccessRules } from '../auth/access-rules.js';
import type { Logger } from '../logger.js';
import { createErrorFormatter } from './format-error.js';
import { refuseMalformedIds, type IdFormats } from './id-arguments.js';
import {
  closeConnectionsWhenStopping,
  jsonErrorHandler,
  jsonNotFound,
  refuseWhenStopping,
} from './http-edge.js';
import { mountOperationalEndpoints } from './operational-endpoints.js';
import { observeOperations } from './observe-operations.js';
import { createRequestContext, type RequestContext } from './request-context.js';
import { idempotentMutations } from '../idempotency/plugin.js';
import { inRequestScope } from '../idempotency/request-scope.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import { traceHttpRequests } from '../tracing/spans.js';
import { tracingEnabled } from '../tracing/telemetry.js';

export interface SubgraphOptions<TContext extends RequestContext> {
  name: string;
  port: number;
  host?: string;
  typeDefs: DocumentNode;
  /** Codegen's `Resolvers` type; checked there, widened here for buildSubgraphSchema. */
  resolvers: object;
  /** The subgraph's access table; every Query and Mutation field must have a rule. */
  accessRules: AccessRules;
  /** `ID` inputs that are not record ids, with the format they have (see `refuseMalformedIds`). */
  idFormats?: IdFormats;
  internalAuthSecret: string;
  logger: Logger;
  createContext: (base: RequestContext) => TContext | Promise<TContext>;
  /** What must answer for the subgraph to serve requests (each bounded by its own timeout). */
  readinessChecks: Record<string, () => Promise<boolean>>;
  /** Reported in /readyz detail without gating it: the broker (events wait in the outbox). */
  publishing?: () => boolean;
  /** Where keyed mutations record their first result (absent: the header changes nothing but ids). */
  idempotency?: IdempotencyStore;
}

export interface RunningSubgraph {
  url: string;
  /** Stop accepting requests and wait for those in flight. */
  stop(): Promise<void>;
}

/**
 * One HTTP server per subgraph: POST /graphql (only with the gateway's caller token),
 * /healthz (the process is alive), /readyz (its dependencies answer), /metrics (Prometheus).
 */
export async function startSubgraph<TContext extends RequestContext>(
  options: SubgraphOptions<TContext>,
): Promise<RunningSubgraph> {
  const app = express();
  const httpServer = http.createServer(app);
  let accepting = true;
  const server = new ApolloServer<TContext>({
    // Access rules outermost, then the id check, then the resolver.
    schema: enforceAccessRulesOn(
      refuseMalformedIds(
        buildSubgraphSchema({
          typeDefs: options.typeDefs,
          resolvers: options.resolvers as GraphQLResolverMap<unknown>,
        }),
        options.idFormats ?? {},
      ),
      options.typeDefs,
      options.accessRules,
    ),
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    // The kernel's onShutdown runs the one shutdown sequence; Apollo's own handler would stop
    // the server and re-send the signal, killing the process before consumers, outbox and Mongo.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      observeOperations<TContext>(),
      closeConnectionsWhenStopping<TContext>(() => accepting),
      ...(options.idempotency ? [idempotentMutations<TContext>({ store: options.idempotency })] : []),
    ],
  });
  await server.start();

  // Ready means "can serve": reads, and writes whose events wait in the outbox. A broker outage
  // does not take the subgraph out of the load balancer; it shows as `publishing: down`.
  mountOperationalEndpoints(app, options.name, async () => {
    const checks = Object.entries(options.readinessChecks);
    const results = await Promise.all(checks.map(([, check]) => check().catch(() => false)));
    const detail: Record<string, string> = Object.fromEntries(
      checks.map(([name], n) => [name, results[n] ? 'up' : 'down']),
    );
    if (options.publishing) detail.publishing = options.publishing() ? 'up' : 'down';
    return { ready: accepting && results.every(Boolean), checks: detail };
  });
  app.use(
    '/graphql',
    refuseWhenStopping(() => accepting),
    // Only when tracing is on: off, a request pays nothing for it.
    ...(tracingEnabled() ? [traceHttpRequests()] : []),
    express.json({ limit: '1mb' }),
    // Each request in its own async scope: a keyed mutation's writes know the key they run under.
    (_req, _res, next) => inRequestScope(() => next()),
    expressMiddleware(server, {
      context: async ({ req }) =>
        options.createContext(
          await createRequestContext(req.headers, options.internalAuthSecret, options.logger, options.name),
        ),
    }),
  );
  // Last: anything else, and any failure before GraphQL, answers JSON with a stable code.
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(options.logger));

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    async stop() {
      accepting = false;
      await server.stop();
    },
  };
}
