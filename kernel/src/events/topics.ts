import type { Kafka } from 'kafkajs';

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

/** Topics are created explicitly (auto-creation is off on every broker we run). */
export async function ensureTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: -1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
