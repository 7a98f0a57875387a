import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { PropertyRecord } from '../../domain/records.js';
import { DEFAULT_SLA_RULES } from '../../domain/sla-policy.js';
import { onPropertyCreated } from './property.created.v1.js';

/** The projection as the handler sees it: what was recorded, and which event caused it. */
function fakeProjection() {
  const recorded: Array<{ property: PropertyRecord; causationId: string }> = [];
  return {
    recorded,
    calendarSeed: (timeZone: string, year: number) => ({
      holidays: [{ date: `${year}-10-01`, name: `国庆节 (${timeZone})` }],
      makeUpWorkdays: [{ date: `${year}-10-10`, name: '国庆节调休' }],
      seededFrom: 'test-library',
    }),
    record: async (property: PropertyRecord, causationId: string) => {
      recorded.push({ property, causationId });
    },
  };
}

describe('property.created.v1 → the properties projection', () => {
  it('records the property under its own id with its time zone, the default SLA policy and its seeded calendar, caused by the event', async () => {
    const projection = fakeProjection();
    const event = exampleEvent('property.created.v1', { data: { timeZone: 'Europe/Berlin' } });
    const now = new Date('2026-11-23T09:00:00Z');
    await feed(onPropertyCreated(projection), event, { now });
    expect(projection.recorded).toEqual([
      {
        property: {
          _id: event.data.propertyId,
          version: 1,
          createdAt: now,
          code: event.data.code,
          name: event.data.name,
          timeZone: 'Europe/Berlin',
          slaPolicies: [
            expect.objectContaining({
              version: '1.0',
              effectiveFrom: now,
              publishedAt: now,
              rules: DEFAULT_SLA_RULES,
            }),
          ],
          calendar: {
            restWeekdays: [6, 7],
            holidays: [{ date: '2026-10-01', name: '国庆节 (Europe/Berlin)' }],
            makeUpWorkdays: [{ date: '2026-10-10', name: '国庆节调休' }],
            seededFrom: 'test-library',
          },
        },
        causationId: event.id,
      },
    ]);
  });

  it('decides the same record when the event is replayed (so the replay hits its _id)', async () => {
    const projection = fakeProjection();
    const event = exampleEvent('property.created.v1');
    await feed(onPropertyCreated(projection), event);
    await feed(onPropertyCreated(projection), event);
    const [first, replay] = projection.recorded;
    expect(replay).toEqual(first);
  });

  it('refuses a zone no calendar knows (so the event goes to the dead-letter topic, not the projection)', async () => {
    const projection = fakeProjection();
    const event = exampleEvent('property.created.v1', { data: { timeZone: 'Mars/Olympus' } });
    await expect(feed(onPropertyCreated(projection), event)).rejects.toThrow(/unknown time zone/);
    expect(projection.recorded).toEqual([]);
  });
});
