import { describe, expect, it } from '@jest/globals';
import { consume, initialState, type AnalyticsState, type Delivery, type Verdict } from './consumption.js';
import type { Position } from './first-folds.js';
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

/** Folds as the consumer does: each event id recorded where it was first read, moved where it is counted. */
const foldAll = (
  deliveries: Delivery[],
  state: AnalyticsState = initialState(ZONE),
  seen = new Map<string, Position>(),
) =>
  deliveries.reduce((current, delivery) => {
    const { topic, partition, offset, verdict } = delivery;
    const here = { topic, partition, offset };
    const id = verdict.kind === 'event' ? verdict.event.id : undefined;
    if (id !== undefined && !seen.has(id)) seen.set(id, here);
    const result = consume(current, delivery, id === undefined ? undefined : seen.get(id));
    if (result.outcome === 'applied' && id !== undefined) seen.set(id, here);
    return result.next;
  }, state);

describe('consuming the topics into KPIs', () => {
  it('folds an event once: a republished copy (same id, recorded at a folded offset) is a duplicate', () => {
    const event = received('p1');
    let state = initialState(ZONE);
    const first = { topic: 'workorders.events', partition: 0, offset: '0' };
    const outcomes = [0, 5_000].map((offset) => {
      const result = consume(state, deliver('workorders.events', 0, offset, ev(event)), first);
      state = result.next;
      return result.outcome;
    });
    expect(outcomes).toEqual(['applied', 'duplicate']);
    expect(toSnapshot(state).properties[0]?.totals.helpRequests.opened).toBe(1);
    expect(state.tallies).toMatchObject({ applied: 1, duplicates: 1 });
  });

  it('skips an offset it already holds (Kafka redelivery after a crash or rebalance) without counting it', () => {
    const state = foldAll([deliver('workorders.events', 0, 7, ev(received('p1')))]);
    const again = consume(state, deliver('workorders.events', 0, 7, ev(received('p1'))));
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
    const seen = new Map<string, Position>();
    const resumed = foldAll(
      [...partitionA, ...partitionB],
      foldAll([...partitionA.slice(0, 2), partitionB[0]!], initialState(ZONE), seen),
      seen,
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

  it('folds a copy whose id was recorded by an attempt the state never saved (a crash between the writes)', () => {
    const state = foldAll([deliver('workorders.events', 0, 0, ev(received('p1')))]);
    const event = received('p2');
    const unsaved = { topic: 'workorders.events', partition: 0, offset: '1' };
    const result = consume(state, deliver('workorders.events', 0, 1, ev(event)), unsaved);
    expect(result.outcome).toBe('applied');
    expect(toSnapshot(result.next).properties.map((p) => p.propertyId)).toEqual(['p1', 'p2']);
  });

  it('keeps no event ids in the state: it stays the figures and one offset per partition', () => {
    const deliveries = Array.from({ length: 5 }, (_, offset) =>
      deliver('workorders.events', 0, offset, ev(received('p1'))),
    );
    expect(foldAll(deliveries).partitions).toEqual({ 'workorders.events/0': { nextOffset: '5' } });
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
