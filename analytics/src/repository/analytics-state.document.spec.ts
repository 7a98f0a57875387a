import { describe, expect, it } from '@jest/globals';
import { consume, initialState, type Verdict } from '../domain/consumption.js';
import { workOrderEvent } from '../domain/fixtures.js';
import { fromDocument, legacyRecords, toDocument } from './analytics-state.document.js';

describe('stored form of the analytics state', () => {
  it('round-trips the figures, positions and tallies, with no dots in field names', () => {
    const at = '2026-11-23T04:00:00.000Z';
    const verdicts: Array<[string, Verdict]> = [
      [
        'workorders.events',
        { kind: 'event', event: workOrderEvent('workorder.received.v1', { propertyId: 'p.1', at }) },
      ],
      [
        'workorders.events',
        { kind: 'event', event: workOrderEvent('workorder.closed.v1', { propertyId: '__proto__', at }) },
      ],
      ['billing.events', { kind: 'unknown', type: 'bill.issued.v1' }],
      ['residents.events', { kind: 'unreadable', reason: 'not JSON' }],
    ];
    const state = verdicts.reduce(
      (current, [topic, verdict], offset) =>
        consume(current, { topic, partition: 2, offset: String(offset), verdict }).next,
      initialState('Asia/Shanghai'),
    );
    const document = toDocument('analytics-kpis', state, 3, new Date(at));
    const keys = (value: unknown): string[] =>
      typeof value === 'object' && value !== null && !(value instanceof Date)
        ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)])
        : [];
    expect(keys(document).filter((key) => key.includes('.'))).toEqual([]);
    expect(fromDocument(document)).toEqual(state);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('turns the id window of a document from before seen_events into records at the last folded offset', () => {
    const document = toDocument('analytics-kpis', initialState('Asia/Shanghai'), 4, new Date());
    document.partitions = [
      { topic: 'workorders.events', partition: 0, nextOffset: '1200', recentEventIds: ['a', 'b'] },
      { topic: 'billing.events', partition: 1, nextOffset: '0', recentEventIds: [] },
      { topic: 'residents.events', partition: 0, nextOffset: '3' },
    ];
    expect(legacyRecords(document)).toEqual([
      { eventId: 'a', topic: 'workorders.events', partition: 0, offset: '1199' },
      { eventId: 'b', topic: 'workorders.events', partition: 0, offset: '1199' },
    ]);
    // The next save leaves the window out.
    const saved = toDocument('analytics-kpis', fromDocument(document), 5, new Date());
    expect(saved.partitions.find(({ topic }) => topic === 'workorders.events')).toEqual({
      topic: 'workorders.events',
      partition: 0,
      nextOffset: '1200',
    });
  });
});
