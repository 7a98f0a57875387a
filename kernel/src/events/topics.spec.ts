import { describe, expect, it } from '@jest/globals';
import type { Kafka } from 'kafkajs';
import { ensureTopics } from './topics.js';

/** A broker that has just been formatted: the first metadata answers carry no leader yet. */
function freshBroker({ createError }: { createError?: Error }) {
  let metadataCalls = 0;
  const created: string[] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => [] as string[],
    createTopics: async ({ topics }: { topics: { topic: string }[] }) => {
      created.push(...topics.map(({ topic }) => topic));
      if (createError) throw createError;
      return true;
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      metadataCalls += 1;
      const leader = metadataCalls >= 2 ? 1 : -1;
      return { topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader }] })) };
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, created, metadata: () => metadataCalls };
}

function protocolError(type: string, retriable: boolean): Error {
  return Object.assign(new Error(type), { type, retriable });
}

describe('ensureTopics on a freshly formatted broker', () => {
  it('creates the missing topics and returns once every partition has a leader', async () => {
    const broker = freshBroker({});
    await ensureTopics(broker.kafka, ['residents.events']);
    expect(broker.created).toEqual(['residents.events']);
    expect(broker.metadata()).toBe(2);
  });

  it('survives the broker answering UNKNOWN_TOPIC_OR_PARTITION while it creates them', async () => {
    const broker = freshBroker({ createError: protocolError('UNKNOWN_TOPIC_OR_PARTITION', true) });
    await expect(ensureTopics(broker.kafka, ['surveys.events'])).resolves.toBeUndefined();
  });

  it('still fails on an error that is not a start-up race', async () => {
    const broker = freshBroker({ createError: protocolError('POLICY_VIOLATION', false) });
    await expect(ensureTopics(broker.kafka, ['billing.events'])).rejects.toThrow('POLICY_VIOLATION');
  });
});
