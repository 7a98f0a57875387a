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

/** Each process's series carry the service they come from (the gateway or a subgraph's name). */
export const labelMetricsWith = (service: string): void => registry.setDefaultLabels({ service });

export const subgraphFetches = new client.Histogram({
  name: 'courtyard_gateway_subgraph_fetch_seconds',
  help: 'Fetches the gateway sent to a subgraph, by subgraph, client operation name and outcome (ok, error: GraphQL errors, unavailable: no answer or a refusal)',
  labelNames: ['subgraph', 'operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const deadLetters = new client.Counter({
  name: 'courtyard_events_dead_lettered_total',
  help: 'Messages a consumer gave up on and sent to the dead-letter topic, by group and the topic they were read from',
  labelNames: ['group', 'topic'] as const,
  registers: [registry],
});

export const consumerLag = new client.Gauge({
  name: 'courtyard_consumer_lag_messages',
  help: "Messages on a partition not yet handled by a consumer group (the partition's high watermark minus the next offset to handle), as of the group's last batch",
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [registry],
});

/** What the outbox holds now, per collection: read from the database when /metrics is scraped. */
export interface OutboxBacklog {
  collection: string;
  /** Events not yet acknowledged by the broker. */
  events: number;
  /** Seconds since the oldest of them happened; 0 when there is none. */
  oldestAgeSeconds: number;
}

let readBacklog: (() => Promise<OutboxBacklog[]>) | undefined;
let lastRead: { at: number; backlog: Promise<OutboxBacklog[]> } | undefined;

/** Where the outbox gauges read from (the relay sets it; a process without one has no series). */
export const observeOutboxBacklog = (reader: () => Promise<OutboxBacklog[]>): void => {
  readBacklog = reader;
};

/**
 * How long one read of the backlog answers scrapes: both gauges of a scrape (prom-client collects
 * the registry's metrics together), and the scrapes of several collectors (an HA pair of
 * Prometheus, a person looking) within a few seconds, share it; a gauge a few seconds old is as
 * good for an alert on a backlog that matters.
 */
export const BACKLOG_READ_REUSED_MS = 5_000;

const currentBacklog = (): Promise<OutboxBacklog[]> => {
  if (!readBacklog) return Promise.resolve([]);
  const now = Date.now();
  if (!lastRead || now - lastRead.at > BACKLOG_READ_REUSED_MS) {
    // A database that is down leaves the gauges out of this scrape rather than failing /metrics.
    lastRead = { at: now, backlog: readBacklog().catch(() => []) };
  }
  return lastRead.backlog;
};

export const outboxPendingEvents = new client.Gauge({
  name: 'courtyard_outbox_pending_events',
  help: 'Events written with their aggregate and not yet published to Kafka (the outbox backlog), by collection',
  labelNames: ['collection'] as const,
  registers: [registry],
  async collect() {
    const backlog = await currentBacklog();
    this.reset();
    for (const { collection, events } of backlog) this.set({ collection }, events);
  },
});

export const outboxOldestPendingAge = new client.Gauge({
  name: 'courtyard_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest event still in the outbox (0: nothing pending), by collection',
  labelNames: ['collection'] as const,
  registers: [registry],
  async collect() {
    const backlog = await currentBacklog();
    this.reset();
    for (const { collection, oldestAgeSeconds } of backlog) this.set({ collection }, oldestAgeSeconds);
  },
});

export const responseCacheLookups = new client.Counter({
  name: 'courtyard_gateway_response_cache_lookups_total',
  help: 'Operations the gateway response cache looked at, by outcome (hit: answered from the cache; miss: executed, then held if wholly successful; not_cacheable: a mutation, introspection or clock-counted field; not_serving: the subgraphs’ events are not heard)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const responseCacheInvalidations = new client.Counter({
  name: 'courtyard_gateway_response_cache_invalidations_total',
  help: 'Writes that ended the gateway’s cached answers, by subgraph and cause (mutation: through this gateway; event: on the subgraph’s topic; broker: events heard again after a gap, everything dropped)',
  labelNames: ['subgraph', 'cause'] as const,
  registers: [registry],
});

let responseCacheServingProbe: () => boolean = () => false;
/** The gateway tells the gauge below how to read whether its response cache serves. */
export const observeResponseCacheServing = (probe: () => boolean): void => {
  responseCacheServingProbe = probe;
};
export const responseCacheServing = new client.Gauge({
  name: 'courtyard_gateway_response_cache_serving',
  help: 'Whether the gateway response cache serves now (1): on, and the subgraphs’ events are heard',
  registers: [registry],
  collect() {
    this.set(responseCacheServingProbe() ? 1 : 0);
  },
});
