import { describe, expect, it } from '@jest/globals';
import { createEvent, type CloudEvent } from '@courtyard/kernel';
import { surveyCompleted, workOrderEvent } from './fixtures.js';
import { apply, NO_KPIS, type KpiState } from './kpis.js';

const ZONE = 'Asia/Shanghai';
const fold = (events: CloudEvent[]) =>
  events.reduce<KpiState>((state, event) => apply(state, event, ZONE) ?? state, NO_KPIS);

describe('KPI fold of help requests', () => {
  it('counts requests opened and closed per property and day of the event, in the configured zone', () => {
    const state = fold([
      workOrderEvent('workorder.received.v1', { propertyId: 'p1', at: '2026-11-23T01:00:00.000Z' }),
      // 00:30 the next day in Shanghai, though still the 23rd in UTC
      workOrderEvent('workorder.received.v1', { propertyId: 'p1', at: '2026-11-23T16:30:00.000Z' }),
      workOrderEvent('workorder.closed.v1', { propertyId: 'p1', at: '2026-11-23T17:00:00.000Z' }),
      workOrderEvent('workorder.received.v1', { propertyId: 'p2', at: '2026-11-23T02:00:00.000Z' }),
    ]);
    expect(state.byProperty.p1?.['2026-11-23']).toMatchObject({ opened: 1, closed: 0 });
    expect(state.byProperty.p1?.['2026-11-24']).toMatchObject({ opened: 1, closed: 1 });
    expect(state.byProperty.p2?.['2026-11-23']).toMatchObject({ opened: 1 });
  });

  it('counts a fix delivered by its due time as within the SLA, and a late one as not', () => {
    const state = fold([
      workOrderEvent('workorder.resolved.v1', {
        propertyId: 'p1',
        at: '2026-11-23T04:00:00.000Z',
        dueAt: '2026-11-23T04:00:00.000Z',
      }),
      workOrderEvent('workorder.resolved.v1', {
        propertyId: 'p1',
        at: '2026-11-23T04:00:00.001Z',
        dueAt: '2026-11-23T04:00:00.000Z',
      }),
    ]);
    expect(state.byProperty.p1?.['2026-11-23']).toMatchObject({ resolved: 2, resolvedWithinSla: 1 });
  });

  it('counts satisfaction from surveys: every scored response once, a phone follow-up among them, not its work-order echo', () => {
    const at = '2026-11-23T04:00:00.000Z';
    const state = fold([
      surveyCompleted({ propertyId: 'p1', at, score: 5 }),
      surveyCompleted({ propertyId: 'p1', at, score: 3 }),
      surveyCompleted({ propertyId: 'p1', at, score: 4, channel: 'PHONE' }),
      // The follow-up work-orders records from that phone survey is the same visit.
      workOrderEvent('workorder.followed_up.v1', { propertyId: 'p1', at, result: 'SATISFIED' }),
      surveyCompleted({ propertyId: 'p1', at, score: null }),
      // A December needs survey's score is not satisfaction; one stored before `measures` counts.
      surveyCompleted({ propertyId: 'p1', at, score: 1, measures: 'NEEDS' }),
      surveyCompleted({ propertyId: 'p1', at, score: 5, measures: 'SATISFACTION' }),
    ]);
    expect(state.byProperty.p1?.['2026-11-23']).toMatchObject({ followUps: 4, satisfied: 3 });
  });

  it('moves no figure for events that are not KPIs', () => {
    const assigned = workOrderEvent('workorder.assigned.v1', {
      propertyId: 'p1',
      at: '2026-11-23T04:00:00Z',
    });
    const unit = createEvent('residents', {
      type: 'unit.created.v1',
      subject: 'u1',
      data: { unitId: 'u1' },
      time: new Date('2026-11-23T04:00:00Z'),
    });
    expect(apply(NO_KPIS, assigned, ZONE)).toBeNull();
    expect(apply(NO_KPIS, unit, ZONE)).toBeNull();
  });

  it('keeps a property id that looks like an object key as plain data', () => {
    const state = fold([
      workOrderEvent('workorder.received.v1', { propertyId: '__proto__', at: '2026-11-23T04:00:00Z' }),
      workOrderEvent('workorder.received.v1', { propertyId: '__proto__', at: '2026-11-23T05:00:00Z' }),
    ]);
    expect(Object.hasOwn(state.byProperty, '__proto__')).toBe(true);
    expect(Object.values(state.byProperty)[0]?.['2026-11-23']?.opened).toBe(2);
  });
});
