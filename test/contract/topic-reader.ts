import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import type { TopicMessage } from './event-contract.js';

export interface TopicRead {
  messages: TopicMessage[];
  /** Topics asked for that the broker does not have (their subgraph has not published yet). */
  absentTopics: string[];
}

/**
 * Reads every retained message of `topics`, up to the high-water marks taken when it starts:
 * what was published before, and nothing a still-running process adds while it reads.
 */
export async function readToHighWater(
  brokers: string[],
  topics: readonly string[],
  timeoutMs = 60_000,
): Promise<TopicRead> {
  const kafka = new Kafka({ clientId: 'event-contract', brokers, logLevel: logLevel.NOTHING });
  const { present, highWater } = await takeHighWaterMarks(kafka, topics);
  const absentTopics = topics.filter((topic) => !present.includes(topic));
  const messages: TopicMessage[] = [];
  if (highWater.size === 0) return { messages, absentTopics };

  const unfinished = new Set(highWater.keys());
  const consumer = kafka.consumer({ groupId: `event-contract-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: present, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`reading timed out; partitions not read to the end: ${[...unfinished].join(', ')}`),
          ),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const high = highWater.get(`${topic}/${partition}`);
            const offset = BigInt(message.offset);
            if (high === undefined || offset >= high) return;
            messages.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              timestamp: Number(message.timestamp),
              value: message.value,
              headers: headerStrings(message.headers),
            });
            if (offset + 1n < high) return;
            unfinished.delete(`${topic}/${partition}`);
            if (unfinished.size > 0) return;
            clearTimeout(timer);
            resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return { messages, absentTopics };
}

async function takeHighWaterMarks(kafka: Kafka, topics: readonly string[]) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    const highWater = new Map<string, bigint>();
    for (const topic of present) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) highWater.set(`${topic}/${partition}`, BigInt(high));
      }
    }
    return { present, highWater };
  } finally {
    await admin.disconnect();
  }
}

const headerStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      String(Array.isArray(value) ? value[0] : (value ?? '')),
    ]),
  );
