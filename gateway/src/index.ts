import { readFileSync } from 'node:fs';
import http from 'node:http';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  closeConnectionsWhenStopping,
  createErrorFormatter,
  createLogger,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  jsonErrorHandler,
  jsonNotFound,
  labelMetricsWith,
  loadConfig,
  observeOperations,
  operationResolution,
  mountOperationalEndpoints,
  onShutdown,
  REQUEST_ID_HEADER,
  refuseWhenStopping,
  requestIdFrom,
  startTracing,
  traceHttpRequests,
  TRACEPARENT_HEADER,
  tracingEnabled,
} from '@courtyard/kernel';
import { authenticate } from './auth.js';
import { cachedCallerSigner } from './caches/caller-tokens.js';
import { verifiedTokenCache } from './caches/verified-tokens.js';
import { gatewayEnv, subgraphUrlOverrides } from './config.js';
import { SubgraphDataSource, traceparentForSubgraphs, type GatewayContext } from './data-source.js';
import { graphqlHandler } from './http/graphql-handler.js';
import { graphiqlLandingPage, ideAssets, IDE_ASSETS_PATH } from './ide/index.js';
import { introspectionPlugin } from './introspection/index.js';
import { costLimitPlugin, shapeRules } from './limits/index.js';
import { createPersistedQueryGate, verifiedCaller } from './persisted/index.js';
import { callerScopeOf, startResponseCache } from './response-cache/index.js';

const config = loadConfig(gatewayEnv);
const logger = createLogger('gateway', config.LOG_LEVEL);
// Off unless OTEL_TRACES_EXPORTER names an exporter (see the README's configuration).
const tracing = await startTracing('gateway', logger);
labelMetricsWith('gateway');
const overrides = subgraphUrlOverrides(process.env);
const production = config.NODE_ENV === 'production';
// Per-request work that only depends on the caller, done once per token / per caller window.
const verifiedTokens = verifiedTokenCache({ max: config.GATEWAY_TOKEN_CACHE_MAX });
const authenticateCaller = (authorization: string | undefined) =>
  authenticate(authorization, config, verifiedTokens);
const signCaller = cachedCallerSigner({
  secret: config.INTERNAL_AUTH_SECRET,
  max: config.GATEWAY_TOKEN_CACHE_MAX,
  reuseForMs: config.GATEWAY_CALLER_TOKEN_REUSE_MS,
});

// The supergraph is composed ahead of time (`npm run compose`); no introspection at start-up.
const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
const responseCache =
  config.GATEWAY_RESPONSE_CACHE === 'on'
    ? startResponseCache<GatewayContext>({
        maxEntries: config.GATEWAY_RESPONSE_CACHE_MAX_ENTRIES,
        maxBytes: config.GATEWAY_RESPONSE_CACHE_MAX_BYTES,
        maxAgeMs: config.GATEWAY_RESPONSE_CACHE_MAX_AGE_MS,
        kafkaBrokers: config.KAFKA_BROKERS,
        supergraphSdl,
        logger,
      })
    : undefined;
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) =>
    new SubgraphDataSource(name, overrides.get(name) ?? url ?? '', config.SUBGRAPH_TIMEOUT_MS, (refusal) =>
      logger.warn(refusal, 'subgraph refused the request'),
    ),
});

const app = express();
const httpServer = http.createServer(app);
const server = new ApolloServer<GatewayContext>({
  gateway,
  introspection: !production,
  formatError: createErrorFormatter(logger),
  includeStacktraceInErrorResponses: false,
  // One shutdown sequence, the kernel's (onShutdown below): Apollo's would re-send the signal.
  stopOnTerminationSignals: false,
  // A browser form or a simple GET cannot run an operation (no preflight, no JSON body).
  csrfPrevention: true,
  parseOptions: { maxTokens: config.GATEWAY_MAX_TOKENS },
  validationRules: shapeRules({ maxDepth: config.GATEWAY_MAX_DEPTH, maxAliases: config.GATEWAY_MAX_ALIASES }),
  persistedQueries: { cache: new InMemoryLRUCache({ maxSize: config.APQ_CACHE_MAX_BYTES }) },
  plugins: [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // Locally GraphiQL from npm packages (works offline); in production no IDE at all.
    production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage<GatewayContext>(),
    operationResolution<GatewayContext>(),
    observeOperations<GatewayContext>(),
    closeConnectionsWhenStopping<GatewayContext>(() => accepting),
    costLimitPlugin<GatewayContext>({
      maxCost: config.GATEWAY_MAX_COST,
      assumedListSize: config.GATEWAY_ASSUMED_LIST_SIZE,
    }),
    // After the limits: introspection that passed them is answered without a query plan.
    introspectionPlugin<GatewayContext>(),
    // Last: a held answer replaces only the execution, never a check.
    ...(responseCache ? [responseCache.plugin] : []),
  ],
});
let accepting = true;
await server.start();

mountOperationalEndpoints(app, 'gateway', async () => accepting);
if (!production) app.use(IDE_ASSETS_PATH, ideAssets());
app.use(
  '/graphql',
  refuseWhenStopping(() => accepting),
  // The gateway's span of the request, the parent of every subgraph fetch's (only when tracing is on).
  ...(tracingEnabled() ? [traceHttpRequests()] : []),
  express.json({ limit: '256kb' }),
  createPersistedQueryGate({
    manifestPath: config.PERSISTED_QUERIES_PATH,
    partnersPath: config.PARTNERS_PATH,
    authenticate: authenticateCaller,
    logger,
    introspection: !production,
    maxTokens: config.GATEWAY_MAX_TOKENS,
  }),
  graphqlHandler(server, async ({ req, res }) => {
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const caller = verifiedCaller(res) ?? (await authenticateCaller(req.get('authorization')));
    // Checked here too, so a malformed key is the client's error before any subgraph runs.
    const idempotencyKey = idempotencyKeyOf(req.get(IDEMPOTENCY_KEY_HEADER));
    return {
      requestId,
      callerToken: await signCaller(caller),
      traceparent: traceparentForSubgraphs(req.get(TRACEPARENT_HEADER)),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(responseCache ? { callerScope: callerScopeOf(caller), subgraphsCalled: new Set<string>() } : {}),
    };
  }),
);

// Last: anything else, and any failure before GraphQL, answers JSON with a stable code.
app.use(jsonNotFound);
app.use(jsonErrorHandler(logger));

await new Promise<void>((resolve) => httpServer.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, resolve));
logger.info({ url: `http://${config.GATEWAY_HOST}:${config.GATEWAY_PORT}/graphql` }, 'gateway ready');
onShutdown(logger, [
  async () => {
    accepting = false;
    await server.stop();
  },
  async () => responseCache?.stop(),
  () => tracing.shutdown(),
]);
