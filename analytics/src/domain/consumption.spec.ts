import { describe, expect, it } from '@jest/globals';
import { consume, initialState, type AnalyticsState, type Delivery, type Verdict } from './consumption.js';
import { workOrderEvent } from './fixtures.js';
import { toSnapshot } from './snapshot.js';

const ZONE = 'Asia/Shanghai';
const at = '2026-11-23T04:00:00.000Z';
const received = (propertyId: string) => workOrderEvent('workorder.received.v1', { propertyId, at });
const ev = (event: ReturnType<typeof received>): Verdict => ({ kind: 'event', event });

const deliver = (topic: string, partition: number, offset: number, verdict: Verdict): Delivery => ({
  topic,
  partition,
  offset: String(offset),
  verdict,
});

const foldAll = (deliveries: Delivery[], state: AnalyticsState = initialState(ZONE), window = 100) =>
  deliveries.reduce((current, delivery) => consume(current, delivery, window).next, state);

describe('consuming the topics into KPIs', () => {
  it('folds an event once: a republished copy (same id, later offset) is a duplicate', () => {
    const event = received('p1');
    let state = initialState(ZONE);
    const outcomes = [ev(event), ev(event)].map((verdict, offset) => {
      const result = consume(state, deliver('workorders.events', 0, offset, verdict), 100);
      state = result.next;
      return result.outcome;
    });
    expect(outcomes).toEqual(['applied', 'duplicate']);
    expect(toSnapshot(state).properties[0]?.totals.helpRequests.opened).toBe(1);
    expect(state.tallies).toMatchObject({ applied: 1, duplicates: 1 });
  });

  it('skips an offset it already holds (Kafka redelivery after a crash or rebalance) without counting it', () => {
    const state = foldAll([deliver('workorders.events', 0, 7, ev(received('p1')))]);
    const again = consume(state, deliver('workorders.events', 0, 7, ev(received('p1'))), 100);
    expect(again.outcome).toBe('already_folded');
    expect(again.next).toBe(state);
    expect(state.partitions['workorders.events/0']?.nextOffset).toBe('8');
  });

  it('counts dead letters and ignored types, and moves past them', () => {
    const state = foldAll([
      deliver('workorders.events', 1, 0, { kind: 'unreadable', reason: 'not JSON' }),
      deliver('billing.events', 0, 0, { kind: 'unknown', type: 'bill.issued.v1' }),
      deliver('billing.events', 0, 1, { kind: 'unknown', type: 'bill.issued.v1' }),
      deliver(
        'workorders.events',
        1,
        1,
        ev(workOrderEvent('workorder.assigned.v1', { propertyId: 'p1', at })),
      ),
      deliver('workorders.events', 1, 2, ev(received('p1'))),
    ]);
    expect(state.tallies).toEqual({
      applied: 1,
      duplicates: 0,
      deadLettered: 1,
      ignored: { 'bill.issued.v1': 2, 'workorder.assigned.v1': 1 },
    });
    expect(toSnapshot(state).consumption.positions).toEqual([
      { topic: 'billing.events', partition: 0, nextOffset: '2' },
      { topic: 'workorders.events', partition: 1, nextOffset: '3' },
    ]);
  });

  it('gives the same figures however the partitions interleave, and when resumed part-way', () => {
    const partitionA = [received('p1'), received('p2'), received('p1')].map((event, offset) =>
      deliver('workorders.events', 0, offset, ev(event)),
    );
    const late = workOrderEvent('workorder.resolved.v1', {
      propertyId: 'p1',
      at,
      dueAt: '2026-11-23T03:00:00Z',
    });
    const partitionB = [ev(late), { kind: 'unreadable', reason: 'x' } as const, ev(late)].map(
      (verdict, offset) => deliver('workorders.events', 1, offset, verdict),
    );
    const inOrder = foldAll([...partitionA, ...partitionB]);
    const interleaved = foldAll([
      partitionB[0]!,
      partitionA[0]!,
      partitionB[1]!,
      partitionA[1]!,
      partitionA[2]!,
      partitionB[2]!,
    ]);
    // A restart re-reads from Kafka's committed offsets, behind the stored ones.
    const resumed = foldAll(
      [...partitionA, ...partitionB],
      foldAll([...partitionA.slice(0, 2), partitionB[0]!]),
    );
    expect(toSnapshot(interleaved)).toEqual(toSnapshot(inOrder));
    expect(toSnapshot(resumed)).toEqual(toSnapshot(inOrder));
    expect(toSnapshot(inOrder).properties.map((p) => [p.propertyId, p.totals.helpRequests.opened])).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
    expect(toSnapshot(inOrder).properties[0]?.totals.sla).toEqual({
      resolved: 1,
      withinSla: 0,
      complianceRate: 0,
    });
  });

  it('forgets ids beyond the window, so the state stays bounded', () => {
    const deliveries = Array.from({ length: 5 }, (_, offset) =>
      deliver('workorders.events', 0, offset, ev(received('p1'))),
    );
    const state = foldAll(deliveries, initialState(ZONE), 3);
    expect(state.partitions['workorders.events/0']?.recentEventIds).toHaveLength(3);
  });

  it('caps the number of distinct ignored types', () => {
    const deliveries = Array.from({ length: 105 }, (_, offset) =>
      deliver('surveys.events', 0, offset, { kind: 'unknown', type: `thing_${offset}.happened.v1` }),
    );
    const { ignored } = foldAll(deliveries).tallies;
    expect(Object.keys(ignored)).toHaveLength(101);
    expect(ignored['(other types)']).toBe(5);
  });
});
