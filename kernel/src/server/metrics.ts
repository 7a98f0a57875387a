import client from 'prom-client';

/** One registry per process; every service exposes it on /metrics. */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const mongoCommands = new client.Counter({
  name: 'courtyard_mongo_commands_total',
  help: 'MongoDB commands started, by connection role (api, relay, consumer) and command name',
  labelNames: ['client', 'command'] as const,
  registers: [registry],
});

export const graphqlOperations = new client.Histogram({
  name: 'courtyard_graphql_operation_seconds',
  help: 'GraphQL operations served, by operation name and outcome',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const outboxPublished = new client.Counter({
  name: 'courtyard_outbox_events_published_total',
  help: 'Events the outbox relay handed to Kafka and the broker acknowledged',
  labelNames: ['topic'] as const,
  registers: [registry],
});

export const outboxFailures = new client.Counter({
  name: 'courtyard_outbox_publish_failures_total',
  help: 'Failed relay attempts (they are retried with backoff)',
  labelNames: ['topic'] as const,
  registers: [registry],
});

export const consumedEvents = new client.Counter({
  name: 'courtyard_events_consumed_total',
  help: 'Events handled by idempotent consumers, by group and outcome (applied, duplicate, ignored, dead_lettered)',
  labelNames: ['group', 'outcome'] as const,
  registers: [registry],
});
