import { describe, expect, it } from '@jest/globals';
import { guardIdleTimer, installedRequestQueue, type RequestQueueInternals } from './kafkajs-idle-timer.js';

interface RealQueue extends RequestQueueInternals {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  destroy(): void;
}
type QueueClass = new (options: Record<string, unknown>) => RealQueue;

const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const newQueue = () =>
  new (installedRequestQueue() as unknown as QueueClass)({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: quietLogger,
  });

describe('kafkajs request queues no longer wake up every millisecond with nothing to send', () => {
  it('the installed kafkajs is the release with the idle timer, so the guard is on', () => {
    expect(installedRequestQueue()).toBeDefined();
  });

  it('after a response with nothing waiting, no check is scheduled (upstream re-armed a 1 ms timer forever)', () => {
    const queue = newQueue();
    try {
      // What fulfilling a response does once it has sent what waited.
      queue.checkPendingRequests();
      expect(queue.throttleCheckTimeoutId).toBeNull();
    } finally {
      // Unguarded, the timer would re-arm itself for ever and keep jest from exiting.
      queue.destroy();
    }
  });

  it('a request waiting (throttled, or behind the in-flight limit) still gets its check', () => {
    const queue = newQueue();
    try {
      queue.throttledUntil = Date.now() + 60_000;
      queue.pending.push({});
      queue.scheduleCheckPendingRequests();
      expect(queue.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      queue.destroy();
    }
  });

  it('wraps a queue class once, and calls the original only when something waits', () => {
    let checks = 0;
    class Queue implements RequestQueueInternals {
      pending: unknown[] = [];
      scheduleCheckPendingRequests() {
        checks += 1;
      }
    }
    expect(guardIdleTimer(Queue)).toBe(true);
    expect(guardIdleTimer(Queue)).toBe(false);
    const queue = new Queue();
    queue.scheduleCheckPendingRequests();
    expect(checks).toBe(0);
    queue.pending.push('request');
    queue.scheduleCheckPendingRequests();
    expect(checks).toBe(1);
  });
});
