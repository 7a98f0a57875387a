import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { BACKLOG_READ_REUSED_MS, observeOutboxBacklog, registry } from './metrics.js';

const gauge = async (name: string) =>
  (await registry.getMetricsAsJSON()).find((metric) => metric.name === name)?.values ?? [];

describe('outbox backlog gauges: what a scrape costs', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('one read of the backlog answers both gauges and every scrape of the next few seconds', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    let reads = 0;
    observeOutboxBacklog(() => {
      reads += 1;
      return Promise.resolve([{ collection: 'things', events: reads, oldestAgeSeconds: 7 }]);
    });

    await registry.metrics();
    await registry.metrics();
    expect(reads).toBe(1);
    expect(await gauge('courtyard_outbox_pending_events')).toEqual([
      expect.objectContaining({ labels: { collection: 'things' }, value: 1 }),
    ]);

    jest.setSystemTime(Date.now() + BACKLOG_READ_REUSED_MS);
    await registry.metrics();
    expect(reads).toBe(1);

    jest.setSystemTime(Date.now() + 1);
    expect(await gauge('courtyard_outbox_pending_events')).toEqual([
      expect.objectContaining({ labels: { collection: 'things' }, value: 2 }),
    ]);
    expect(await gauge('courtyard_outbox_oldest_pending_age_seconds')).toEqual([
      expect.objectContaining({ labels: { collection: 'things' }, value: 7 }),
    ]);
    expect(reads).toBe(2);
  });
});
