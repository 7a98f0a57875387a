import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { Connection } from 'mongoose';
import {
  baseServiceEnv,
  loadConfig,
  refuseWeakSecretsInProduction,
  type BaseServiceConfig,
} from './config.js';
import { createLogger, type Logger } from './logger.js';
import { connectMongo, pingMongo } from './mongo/connection.js';
import { AggregateWriter } from './mongo/aggregate-writer.js';
import { createKafka } from './events/kafka.js';
import { ensureTopics, TOPICS } from './events/topics.js';
import { startOutboxRelay } from './events/outbox-relay.js';
import { startIdempotentConsumer, type EventHandler, type IdempotentConsumer } from './events/consumer.js';
import { whenBrokerAnswers } from './events/when-broker-answers.js';
import { IdempotencyStore } from './idempotency/store.js';
import { startSubgraph } from './server/subgraph.js';
import type { IdFormats } from './server/id-arguments.js';
import { onShutdown } from './server/shutdown.js';
import type { RequestContext } from './server/request-context.js';
import type { AccessRules } from './auth/access-rules.js';
import { startTicking, type Ticking, type TickingOptions } from './scheduling/ticking.js';
import { labelMetricsWith } from './server/metrics.js';
import { startTracing } from './tracing/telemetry.js';

export interface ServiceInfrastructure {
  config: BaseServiceConfig;
  logger: Logger;
  /** The request-serving connection; repositories build their models on it. */
  connection: Connection;
  writer: AggregateWriter;
  /**
   * Runs a background job on a beat (a scheduler's `tick(now)`), logged as the service and
   * stopped at shutdown before the database closes under it.
   */
  every(job: Omit<TickingOptions, 'logger'>): Ticking;
}

/**
 * A consumer group of the service: its handlers (one file per event type, by convention
 * `events/consumers/<type>.ts`) run as the service's system actor. A new group reads its topics
 * from offset zero, so a projection catches up on what happened before it existed.
 */
export interface ConsumerDefinition {
  /** The group is `<CONSUMER_GROUP_PREFIX or service name>.<name>`. */
  name: string;
  topics: readonly string[];
  handlers: Readonly<Record<string, EventHandler>>;
  /** For reactions no time limit runs on: see `IdempotentConsumerOptions.batchWindowMs`. */
  batchWindowMs?: number;
}

export interface SubgraphService<TDeps, TContext extends RequestContext> {
  name: string;
  /** The topic this subgraph publishes to (spec §6). */
  topic: string;
  defaultDatabase: string;
  typeDefs: DocumentNode;
  resolvers: object;
  /** Who may call each Query and Mutation field (enforced before the resolver runs). */
  accessRules: AccessRules;
  /**
   * `ID` inputs that are not record ids, with their format (e.g. `AnswerInput.questionId`, a
   * slug); every other `ID` argument and input field must be a record id (a lower-case UUID).
   */
  idFormats?: IdFormats;
  /** Collections whose documents carry an outbox. */
  outboxCollections: readonly string[];
  setup(infrastructure: ServiceInfrastructure): Promise<TDeps>;
  createContext(base: RequestContext, deps: TDeps): TContext;
  consumers?(deps: TDeps, infrastructure: ServiceInfrastructure): ConsumerDefinition[];
}

/** A claimed key's hold: past the gateway's 10 s budget, so only an attempt that died loses it. */
const IDEMPOTENCY_LEASE_MS = 30_000;
/** Expired keys are deleted this often (the local store has no TTL index that expires). */
const IDEMPOTENCY_SWEEP_INTERVAL_MS = 3_600_000;

export const loadTypeDefs = (url: URL): DocumentNode => parse(readFileSync(url, 'utf8'));

/** Boots a subgraph the same way for every service: config, Mongo, Kafka, relay, consumers, HTTP. */
export async function runSubgraphService<TDeps, TContext extends RequestContext>(
  service: SubgraphService<TDeps, TContext>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string }> {
  const config = loadConfig(baseServiceEnv, env);
  refuseWeakSecretsInProduction(config.NODE_ENV, { INTERNAL_AUTH_SECRET: config.INTERNAL_AUTH_SECRET });
  const logger = createLogger(service.name, config.LOG_LEVEL);
  // Before any client or server starts: Mongo command spans and request spans are set up with them.
  const tracing = await startTracing(service.name, logger, env);
  labelMetricsWith(service.name);
  const database = config.MONGO_DATABASE ?? service.defaultDatabase;
  // Requests fail fast while the database is down; background work waits longer for it.
  const connect = (role: 'api' | 'relay' | 'consumer') =>
    connectMongo({
      url: config.MONGO_URL,
      database,
      role,
      logger,
      ...(role === 'api' ? { serverSelectionTimeoutMs: config.MONGO_REQUEST_TIMEOUT_MS } : {}),
    });
  const [connection, relayConnection] = await Promise.all([connect('api'), connect('relay')]);

  const kafka = createKafka(config.KAFKA_CLIENT_ID ?? service.name, config.KAFKA_BROKERS, logger);
  // The relay needs no broker to start: it connects when it first publishes, and retries.
  const relay = await startOutboxRelay({
    db: relayConnection.db!,
    kafka,
    topic: service.topic,
    collections: service.outboxCollections,
    logger,
    sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
    killAfterPublish: config.OUTBOX_FAULT_KILL_AFTER_PUBLISH,
  });
  const jobs: Ticking[] = [];
  const infrastructure: ServiceInfrastructure = {
    config,
    logger,
    connection,
    writer: new AggregateWriter((collection, id, created) => relay.notify(collection, id, created)),
    every: (job) => {
      const ticking = startTicking({ ...job, logger });
      jobs.push(ticking);
      return ticking;
    },
  };
  const deps = await service.setup(infrastructure);
  const idempotency = IdempotencyStore.on(connection.db!, {
    ttlMs: config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000,
    leaseMs: IDEMPOTENCY_LEASE_MS,
  });
  await idempotency.createIndexes();
  infrastructure.every({
    name: 'idempotency key sweep',
    intervalMs: IDEMPOTENCY_SWEEP_INTERVAL_MS,
    tick: () => idempotency.sweep(),
  });

  const definitions = service.consumers?.(deps, infrastructure) ?? [];
  const consumerConnection = definitions.length > 0 ? await connect('consumer') : undefined;
  const consumers: IdempotentConsumer[] = [];
  // Topics (a consumer may start before the producing subgraph ever did: its topics must exist to
  // subscribe), then the consumers; all of it when the broker answers, now or later.
  const eventing = whenBrokerAnswers(async () => {
    await ensureTopics(kafka, [
      ...new Set([
        service.topic,
        TOPICS.deadLetter,
        ...definitions.flatMap((definition) => definition.topics),
      ]),
    ]);
    for (const { name, topics, handlers, batchWindowMs } of definitions.slice(consumers.length)) {
      consumers.push(
        await startIdempotentConsumer({
          groupId: `${config.CONSUMER_GROUP_PREFIX ?? service.name}.${name}`,
          topics,
          handlers,
          actor: service.name,
          kafka,
          db: consumerConnection!.db!,
          deadLetterTopic: TOPICS.deadLetter,
          maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
          sessionTimeoutMs: config.CONSUMER_SESSION_TIMEOUT_MS,
          ...(batchWindowMs ? { batchWindowMs } : {}),
          commitIntervalMs: config.CONSUMER_COMMIT_INTERVAL_MS,
          killAfterEffect: config.CONSUMER_FAULT_KILL_AFTER_EFFECT,
          logger,
        }),
      );
    }
  }, logger);

  const subgraph = await startSubgraph<TContext>({
    name: service.name,
    port: config.PORT,
    host: config.HOST,
    typeDefs: service.typeDefs,
    resolvers: service.resolvers,
    accessRules: service.accessRules,
    ...(service.idFormats ? { idFormats: service.idFormats } : {}),
    internalAuthSecret: config.INTERNAL_AUTH_SECRET,
    logger,
    createContext: (base) => service.createContext(base, deps),
    readinessChecks: { database: () => pingMongo(connection) },
    publishing: () => eventing.started() && relay.publishing(),
    idempotency,
  });

  onShutdown(logger, [
    () => subgraph.stop(),
    async () => {
      eventing.abort();
      await Promise.all([...consumers, ...jobs].map((running) => running.stop()));
    },
    () => relay.stop(),
    () => Promise.all([connection, relayConnection, consumerConnection].map((c) => c?.close())),
    // Last: the spans of the drain and the flush are exported too.
    () => tracing.shutdown(),
  ]);
  return { url: subgraph.url };
}
