import {
  connectMongo,
  createKafka,
  createLogger,
  ensureTopics,
  loadEventSchemas,
  onShutdown,
  pingMongo,
  startTicking,
  TOPICS,
} from '@courtyard/kernel';
import { loadAnalyticsConfig } from './config.js';
import { latestSnapshot } from './domain/snapshot.js';
import { startKpiConsumer } from './events/kpi-consumer.js';
import { createJudge } from './events/verdict.js';
import { startKpiServer } from './http/kpi-server.js';
import { registerKpiGauges } from './metrics.js';
import { AnalyticsStateRepository } from './repository/analytics-state.repository.js';
import { SeenEventsRepository } from './repository/seen-events.repository.js';
import { SeenEventsPruning } from './scheduler/seen-events-pruning.js';

const config = loadAnalyticsConfig();
const logger = createLogger('analytics', config.LOG_LEVEL);
const fatal = (error: Error): never => {
  logger.fatal({ err: error }, 'analytics consumer stopped');
  process.exit(1);
};
const { deadLetter, ...domainTopics } = TOPICS;
const topics = Object.values(domainTopics);

const connection = await connectMongo({
  url: config.MONGO_URL,
  database: config.MONGO_DATABASE,
  role: 'consumer',
  logger,
});
const repository = new AnalyticsStateRepository(connection.db!, config.ANALYTICS_GROUP_ID);
const start = await repository
  .begin({ timeZone: config.ANALYTICS_TIME_ZONE, replay: config.replay })
  .catch((error: Error) => fatal(error));
logger.info({ replay: config.replay, revision: start.revision }, 'analytics state loaded');
const retentionMs = config.ANALYTICS_SEEN_EVENTS_RETENTION_DAYS * 86_400_000;
const seen = new SeenEventsRepository(connection.db!);
await seen.createIndexes(retentionMs);
const pruning = new SeenEventsPruning(seen, retentionMs);
const prune = startTicking({
  name: 'seen events prune',
  intervalMs: config.ANALYTICS_SEEN_EVENTS_PRUNE_INTERVAL_MS,
  tick: (now) => pruning.tick(now),
  immediately: true,
  logger,
});

const kafka = createKafka(config.KAFKA_CLIENT_ID ?? 'analytics', config.KAFKA_BROKERS, logger);
// A subgraph not built yet has no topic; reading it from the start needs it to exist.
await ensureTopics(kafka, [...topics, deadLetter]);
const consumer = await startKpiConsumer({
  kafka,
  groupId: config.ANALYTICS_GROUP_ID,
  topics,
  deadLetterTopic: deadLetter,
  judge: createJudge(loadEventSchemas(config.EVENT_SCHEMA_DIR)),
  repository,
  seen,
  start,
  logger,
  onFatal: fatal,
});

const snapshot = latestSnapshot(consumer.current);
registerKpiGauges(snapshot);
const server = await startKpiServer({
  port: config.PORT,
  host: config.HOST,
  logger,
  snapshot,
  isReady: async () => consumer.isJoined() && (await pingMongo(connection)),
});

onShutdown(logger, [
  () => server.stop(),
  () => Promise.all([consumer.stop(), prune.stop()]),
  () => connection.close(),
]);
