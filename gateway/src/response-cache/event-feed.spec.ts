import { describe, expect, it } from '@jest/globals';
import type { Kafka } from 'kafkajs';
import { createLogger } from '@courtyard/kernel';
import { startEventFeed } from './event-feed.js';

type Listener = (event: { payload: Record<string, unknown> }) => void;

/** The part of a kafkajs consumer the feed uses; `emit` plays the broker's side. */
class FakeConsumer {
  readonly events = {
    GROUP_JOIN: 'group_join',
    FETCH: 'fetch',
    REBALANCING: 'rebalancing',
    CRASH: 'crash',
    DISCONNECT: 'disconnect',
    STOP: 'stop',
  };
  private readonly listeners = new Map<string, Listener[]>();
  running = false;
  disconnected = false;
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string, payload: Record<string, unknown> = {}) {
    for (const listener of this.listeners.get(event) ?? []) listener({ payload });
  }
  async connect() {}
  async subscribe() {}
  async run() {
    this.running = true;
  }
  async disconnect() {
    this.disconnected = true;
  }
}

/** A broker whose topics exist and have leaders; every consumer the feed creates is kept. */
function fakeKafka() {
  const consumers: FakeConsumer[] = [];
  const admin = {
    connect: async () => {},
    disconnect: async () => {},
    listTopics: async () => ['residents.events'],
    createTopics: async () => true,
    fetchTopicMetadata: async () => ({
      topics: [{ name: 'residents.events', partitions: [{ partitionId: 0, leader: 1 }] }],
    }),
  };
  const kafka = {
    admin: () => admin,
    consumer: () => {
      const consumer = new FakeConsumer();
      consumers.push(consumer);
      return consumer;
    },
  } as unknown as Kafka;
  return { kafka, consumers };
}

const until = async (condition: () => boolean) => {
  for (let n = 0; n < 200 && !condition(); n += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
};

describe('the response cache’s event feed', () => {
  it('replaces a consumer kafkajs gave up on, and is heard again once the new one fetches', async () => {
    const { kafka, consumers } = fakeKafka();
    const feed = startEventFeed({
      kafka,
      subgraphs: ['residents'],
      logger: createLogger('gateway-test', 'silent'),
      onWrite: () => undefined,
      onHeard: () => undefined,
    });
    await until(() => consumers[0]?.running === true);
    consumers[0]!.emit('group_join');
    consumers[0]!.emit('fetch');
    expect(feed.heard()).toBe(true);

    // A crash kafkajs restarts itself: the same consumer goes on, none is added.
    consumers[0]!.emit('crash', { error: new Error('retriable'), restart: true });
    expect(feed.heard()).toBe(false);
    consumers[0]!.emit('group_join');
    consumers[0]!.emit('fetch');
    expect(feed.heard()).toBe(true);
    expect(consumers).toHaveLength(1);

    // One it does not: the feed disconnects it and starts another in the same group.
    consumers[0]!.emit('crash', { error: new Error('not retriable'), restart: false });
    expect(feed.heard()).toBe(false);
    await until(() => consumers[1]?.running === true);
    expect(consumers[0]!.disconnected).toBe(true);
    consumers[1]!.emit('group_join');
    consumers[1]!.emit('fetch');
    expect(feed.heard()).toBe(true);

    await feed.stop();
    expect(consumers[1]!.disconnected).toBe(true);
    expect(feed.heard()).toBe(false);
  });
});
