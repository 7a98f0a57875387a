import { describe, expect, it } from '@jest/globals';
import { BATCH_WINDOW_MIN_BYTES, groupConsumerConfig, UNHURRIED_BATCH_WINDOW_MS } from './consumer-config.js';

describe('groupConsumerConfig', () => {
  it('answers a fetch at the first message when the reactions have no window', () => {
    const config = groupConsumerConfig({ groupId: 'work-orders.units', sessionTimeoutMs: 10_000 });
    expect(config).toEqual({
      groupId: 'work-orders.units',
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
    });
    expect(config.minBytes).toBeUndefined();
  });

  it('lets the broker gather a window of messages for reactions that can wait, unless a backlog fills a fetch first', () => {
    const config = groupConsumerConfig({
      groupId: 'billing.paid-services',
      batchWindowMs: UNHURRIED_BATCH_WINDOW_MS,
    });
    expect(config).toMatchObject({
      groupId: 'billing.paid-services',
      minBytes: BATCH_WINDOW_MIN_BYTES,
      maxWaitTimeInMs: 250,
    });
    // kafkajs takes at most 1 MiB of a partition per fetch: a larger minimum would always wait out the window.
    expect(BATCH_WINDOW_MIN_BYTES).toBeLessThan(1024 * 1024);
  });
});
