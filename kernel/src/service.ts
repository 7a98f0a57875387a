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
import { startIdempotentConsumer, type EventHandler } from './events/consumer.js';
import { startSubgraph } from './server/subgraph.js';
import type { IdFormats } from './server/id-arguments.js';
import { onShutdown } from './server/shutdown.js';
import type { RequestContext } from './server/request-context.js';
import type { AccessRules } from './auth/access-rules.js';

export interface ServiceInfrastructure {
  config: BaseServiceConfig;
  logger: Logger;
  /** The request-serving connection; repositories build their models on it. */
  connection: Connection;
  writer: AggregateWriter;
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

export const loadTypeDefs = (url: URL): DocumentNode => parse(readFileSync(url, 'utf8'));

/** Boots a subgraph the same way for every service: config, Mongo, Kafka, relay, consumers, HTTP. */
export async function runSubgraphService<TDeps, TContext extends RequestContext>(
  service: SubgraphService<TDeps, TContext>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string }> {
  const config = loadConfig(baseServiceEnv, env);
  refuseWeakSecretsInProduction(config.NODE_ENV, { INTERNAL_AUTH_SECRET: config.INTERNAL_AUTH_SECRET });
  const logger = createLogger(service.name, config.LOG_LEVEL);
  const database = config.MONGO_DATABASE ?? service.defaultDatabase;
  const connect = (role: 'api' | 'relay' | 'consumer') =>
    connectMongo({ url: config.MONGO_URL, database, role, logger });
  const [connection, relayConnection] = await Promise.all([connect('api'), connect('relay')]);

  const kafka = createKafka(config.KAFKA_CLIENT_ID ?? service.name, config.KAFKA_BROKERS, logger);
  await ensureTopics(kafka, [service.topic, TOPICS.deadLetter]);
  const relay = await startOutboxRelay({
    db: relayConnection.db!,
    kafka,
    topic: service.topic,
    collections: service.outboxCollections,
    logger,
    sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
    killAfterPublish: config.OUTBOX_FAULT_KILL_AFTER_PUBLISH,
  });
  const infrastructure: ServiceInfrastructure = {
    config,
    logger,
    connection,
    writer: new AggregateWriter((collection, id) => relay.notify(collection, id)),
  };
  const deps = await service.setup(infrastructure);

  const definitions = service.consumers?.(deps, infrastructure) ?? [];
  const consumerConnection = definitions.length > 0 ? await connect('consumer') : undefined;
  // A consumer may start before the producing subgraph ever did: its topics must exist to subscribe.
  if (definitions.length > 0) {
    await ensureTopics(kafka, [...new Set(definitions.flatMap((definition) => definition.topics))]);
  }
  const consumers = await Promise.all(
    definitions.map(({ name, topics, handlers }) =>
      startIdempotentConsumer({
        groupId: `${config.CONSUMER_GROUP_PREFIX ?? service.name}.${name}`,
        topics,
        handlers,
        actor: service.name,
        kafka,
        db: consumerConnection!.db!,
        deadLetterTopic: TOPICS.deadLetter,
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        sessionTimeoutMs: config.CONSUMER_SESSION_TIMEOUT_MS,
        killAfterEffect: config.CONSUMER_FAULT_KILL_AFTER_EFFECT,
        logger,
      }),
    ),
  );

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
    readinessChecks: [() => pingMongo(connection)],
  });

  onShutdown(logger, [
    () => subgraph.stop(),
    () => Promise.all(consumers.map((consumer) => consumer.stop())),
    () => relay.stop(),
    () => Promise.all([connection, relayConnection, consumerConnection].map((c) => c?.close())),
  ]);
  return { url: subgraph.url };
}
