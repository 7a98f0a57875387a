import { describe, expect, it } from '@jest/globals';
import { consume, initialState, type Verdict } from './consumption.js';
import { surveyCompleted, workOrderEvent } from './fixtures.js';
import { toSnapshot } from './snapshot.js';

describe('KPI snapshot', () => {
  it('shows counts with their rates per day and in total, and no rate where nothing was measured', () => {
    const day1 = '2026-11-23T04:00:00.000Z';
    const day2 = '2026-11-24T04:00:00.000Z';
    const verdicts: Verdict[] = [
      workOrderEvent('workorder.received.v1', { propertyId: 'p1', at: day1 }),
      workOrderEvent('workorder.resolved.v1', { propertyId: 'p1', at: day1 }),
      surveyCompleted({ propertyId: 'p1', at: day1, score: 5 }),
      workOrderEvent('workorder.resolved.v1', { propertyId: 'p1', at: day2, dueAt: day1 }),
      workOrderEvent('workorder.resolved.v1', { propertyId: 'p1', at: day2 }),
      surveyCompleted({ propertyId: 'p1', at: day2, score: 2, channel: 'PHONE' }),
      workOrderEvent('workorder.closed.v1', { propertyId: 'p1', at: day2 }),
    ].map((event) => ({ kind: 'event', event }));
    const state = verdicts.reduce(
      (current, verdict, offset) =>
        consume(current, { topic: 'workorders.events', partition: 0, offset: String(offset), verdict }).next,
      initialState('Asia/Shanghai'),
    );
    const [property] = toSnapshot(state).properties;
    expect(property?.days.map((day) => day.day)).toEqual(['2026-11-23', '2026-11-24']);
    expect(property?.days[0]).toMatchObject({
      helpRequests: { opened: 1, closed: 0 },
      sla: { resolved: 1, withinSla: 1, complianceRate: 1 },
    });
    expect(property?.totals).toEqual({
      helpRequests: { opened: 1, closed: 1 },
      sla: { resolved: 3, withinSla: 2, complianceRate: 0.6667 },
      satisfaction: { followUps: 2, satisfied: 1, rate: 0.5 },
      collections: { payments: 0, collected: [] },
    });
    expect(toSnapshot(initialState('UTC'))).toMatchObject({ timeZone: 'UTC', properties: [] });
  });
});
