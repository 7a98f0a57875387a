import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';

/** Documents per `database.collection` and messages per topic: what a write would change. */
export interface StoreCounts {
  readonly documents: Record<string, number>;
  readonly messages: Record<string, number>;
}

const SYSTEM_DATABASES = new Set(['admin', 'local', 'config']);

async function countDocuments(mongoUrl: string): Promise<Record<string, number>> {
  const client = await mongoose.mongo.MongoClient.connect(mongoUrl);
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const counts: Record<string, number> = {};
    for (const { name } of databases.filter((database) => !SYSTEM_DATABASES.has(database.name))) {
      const db = client.db(name);
      for (const collection of await db.listCollections({}, { nameOnly: true }).toArray())
        counts[`${name}.${collection.name}`] = await db.collection(collection.name).countDocuments();
    }
    return counts;
  } finally {
    await client.close();
  }
}

async function countMessages(brokers: string[]): Promise<Record<string, number>> {
  const admin = new Kafka({ clientId: 'fuzz-counts', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__')).sort();
    const counts: Record<string, number> = {};
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      counts[topic] = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}

export async function storeCounts(): Promise<StoreCounts> {
  const [documents, messages] = await Promise.all([
    countDocuments(process.env.MONGO_URL!),
    countMessages(process.env.KAFKA_BROKERS!.split(',')),
  ]);
  return { documents, messages };
}

/**
 * The counts once nothing moves any more (two readings in a row agree, bounded): consumers
 * catching up on earlier events and the relay finishing a batch settle before the comparison.
 */
export async function settledCounts(timeoutMs = 60_000): Promise<StoreCounts> {
  const deadline = Date.now() + timeoutMs;
  let previous = await storeCounts();
  for (;;) {
    const current = await storeCounts();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    if (Date.now() > deadline) throw new Error('the stores did not settle in time');
    previous = current;
  }
}

/** `database.collection` or topic → before and after, for what changed. */
export function differences(before: StoreCounts, after: StoreCounts): Record<string, [number, number]> {
  const changed: Record<string, [number, number]> = {};
  for (const kind of ['documents', 'messages'] as const) {
    const keys = new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])]);
    for (const key of keys) {
      const was = before[kind][key] ?? 0;
      const is = after[kind][key] ?? 0;
      if (was !== is) changed[`${kind}:${key}`] = [was, is];
    }
  }
  return changed;
}
