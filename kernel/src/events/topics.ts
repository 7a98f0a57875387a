import type { Admin, Kafka } from 'kafkajs';
import { delay } from './backoff.js';

/** One topic per subgraph (spec §6), plus the dead-letter topic every consumer shares. */
export const TOPICS = {
  residents: 'residents.events',
  workOrders: 'workorders.events',
  facilities: 'facilities.events',
  billing: 'billing.events',
  surveys: 'surveys.events',
  deadLetter: 'courtyard.deadletter',
} as const;

export const TOPIC_PARTITIONS = 3;

/**
 * Topics are created explicitly (auto-creation is off on every broker we run). Several services
 * start at once on a fresh broker and create the same topics: the one that loses the race is told
 * they exist before their partitions have leaders, and a consumer subscribing then fails with
 * UNKNOWN_TOPIC_OR_PARTITION. So every caller waits, bounded, until each partition has a leader.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  { timeoutMs = 30_000 } = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Resolves false when another service created them first; that is fine. kafkajs's own
      // waitForLeaders is off: on a freshly formatted broker its metadata poll can throw
      // UNKNOWN_TOPIC_OR_PARTITION out of createTopics and crash the service at start; the bounded
      // wait below does the same job and retries that error.
      try {
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: -1 })),
        });
      } catch (error) {
        if (!isRetriableRace(error)) throw error;
      }
    }
    await untilLeadersElected(admin, topics, timeoutMs);
  } finally {
    await admin.disconnect();
  }
}

async function untilLeadersElected(admin: Admin, topics: readonly string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const ready = metadata.every(
        (topic) =>
          topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (ready) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
    await delay(Math.min(100 * attempt, 1000));
  }
}

/** Another service created the topic first, or the broker has not caught up with it yet. */
function isRetriableRace(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { type, retriable } = error as Error & { type?: string; retriable?: boolean };
  return type === 'TOPIC_ALREADY_EXISTS' || retriable === true;
}
