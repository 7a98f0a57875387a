import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Consumer, Kafka } from 'kafkajs';
import { ensureTopics, whenBrokerAnswers, type Logger } from '@courtyard/kernel';
import { BrokerLiveness } from './liveness.js';

/** Each subgraph publishes its domain events on one topic, named after it (spec §6). */
export const topicOf = (subgraph: string): string => `${subgraph.replace(/-/g, '')}.events`;

/** The subgraphs a supergraph composes, by the names the gateway fetches from. */
export const subgraphsOf = (supergraphSdl: string): string[] =>
  [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].flatMap((match) =>
    match[1] ? [match[1]] : [],
  );

export interface EventFeed {
  /** True while events are heard (see BrokerLiveness). */
  heard(): boolean;
  stop(): Promise<void>;
}

/**
 * Listens to every subgraph's events topic and reports which subgraph wrote something. A group
 * of its own per gateway instance (every instance must hear every event), starting from the
 * newest offset (older events concern answers this instance never held). Events are not parsed:
 * any message on a subgraph's topic means that subgraph changed state. Starts in the background
 * and keeps trying while the broker does not answer; until it does, `heard()` is false. A
 * consumer that kafkajs gives up on (a crash it will not restart) is replaced the same way, so
 * the cache does not stay off until the gateway itself restarts.
 */
export function startEventFeed(options: {
  kafka: Kafka;
  subgraphs: readonly string[];
  logger: Logger;
  onWrite: (subgraph: string) => void;
  onHeard: () => void;
  staleAfterMs?: number;
}): EventFeed {
  const log = options.logger.child({ component: 'response-cache-events' });
  const subgraphByTopic = new Map(options.subgraphs.map((subgraph) => [topicOf(subgraph), subgraph]));
  const liveness = new BrokerLiveness(options.staleAfterMs ?? 5000, () => {
    log.info('hearing the subgraphs’ events: the response cache serves (it starts empty)');
    options.onHeard();
  });
  const groupId = `courtyard-gateway-cache.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`;
  let consumer: Consumer | undefined;
  const start = async () => {
    await ensureTopics(options.kafka, [...subgraphByTopic.keys()]);
    const next = options.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      // An idle consumer comes back from the broker this often: how soon silence is noticed.
      maxWaitTimeInMs: 500,
      sessionTimeout: 10_000,
      heartbeatInterval: 3000,
    });
    const { GROUP_JOIN, FETCH, REBALANCING, CRASH, DISCONNECT, STOP } = next.events;
    next.on(GROUP_JOIN, () => liveness.groupJoined());
    next.on(FETCH, () => liveness.fetched());
    for (const lost of [REBALANCING, DISCONNECT, STOP]) next.on(lost, () => liveness.lost());
    next.on(CRASH, ({ payload }) => {
      liveness.lost();
      log.warn(
        { err: payload.error, restart: payload.restart },
        'event consumer crashed: the response cache is not serving',
      );
      // kafkajs restarts it itself on a retriable error; otherwise it is done for.
      if (!payload.restart) replace(next);
    });
    try {
      await next.connect();
      await next.subscribe({ topics: [...subgraphByTopic.keys()], fromBeginning: false });
      await next.run({
        eachMessage: async ({ topic }) => {
          const subgraph = subgraphByTopic.get(topic);
          if (subgraph) options.onWrite(subgraph);
        },
      });
      consumer = next;
    } catch (error) {
      await next.disconnect().catch(() => undefined);
      throw error;
    }
  };
  let stopped = false;
  let starting = whenBrokerAnswers(start, log);
  const replace = (crashed: Consumer) => {
    if (stopped) return;
    if (consumer === crashed) consumer = undefined;
    void crashed.disconnect().catch(() => undefined);
    starting.abort();
    starting = whenBrokerAnswers(start, log);
  };
  return {
    heard: () => liveness.heard(),
    async stop() {
      stopped = true;
      starting.abort();
      liveness.lost();
      await consumer?.disconnect();
    },
  };
}
