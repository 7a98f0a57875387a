import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { subgraphsOf, topicOf } from './event-feed.js';
import { BrokerLiveness } from './liveness.js';

const setUp = () => {
  let t = 0;
  let heardAgain = 0;
  const liveness = new BrokerLiveness(
    5000,
    () => (heardAgain += 1),
    () => t,
  );
  return { liveness, advance: (ms: number) => (t += ms), heardAgain: () => heardAgain };
};

describe('whether the gateway hears the subgraphs’ events (the response cache serves only then)', () => {
  it('is not heard before it joined and fetched, then is, and the cache starts empty', () => {
    const { liveness, heardAgain } = setUp();
    expect(liveness.heard()).toBe(false);
    liveness.fetched();
    expect(liveness.heard()).toBe(false);
    liveness.groupJoined();
    expect(liveness.heard()).toBe(false);
    liveness.fetched();
    expect(liveness.heard()).toBe(true);
    expect(heardAgain()).toBe(1);
    liveness.fetched();
    expect(heardAgain()).toBe(1);
  });

  it('stops being heard when fetches stop coming back, and empties the cache when they return', () => {
    const { liveness, advance, heardAgain } = setUp();
    liveness.groupJoined();
    liveness.fetched();
    advance(4999);
    expect(liveness.heard()).toBe(true);
    advance(1);
    expect(liveness.heard()).toBe(false);
    liveness.fetched();
    expect(liveness.heard()).toBe(true);
    expect(heardAgain()).toBe(2);
  });

  it('is not heard from a rebalance or crash until it joined again and fetched (its position may have moved)', () => {
    const { liveness, heardAgain } = setUp();
    liveness.groupJoined();
    liveness.fetched();
    liveness.lost();
    expect(liveness.heard()).toBe(false);
    liveness.fetched();
    expect(liveness.heard()).toBe(false);
    liveness.groupJoined();
    expect(liveness.heard()).toBe(false);
    liveness.fetched();
    expect(heardAgain()).toBe(2);
  });
});

describe('the topics the gateway listens to', () => {
  it('are every composed subgraph’s events topic, as the kernel names them', () => {
    const sdl = `enum join__Graph {
      BILLING @join__graph(name: "billing", url: "http://127.0.0.1:4004/graphql")
      WORK_ORDERS @join__graph(name: "work-orders", url: "http://127.0.0.1:4002/graphql")
    }`;
    expect(subgraphsOf(sdl)).toEqual(['billing', 'work-orders']);
    const { deadLetter, ...subgraphTopics } = TOPICS;
    expect(deadLetter).toBeDefined();
    expect(['residents', 'work-orders', 'facilities', 'billing', 'surveys'].map(topicOf).sort()).toEqual(
      Object.values(subgraphTopics).sort(),
    );
  });
});
