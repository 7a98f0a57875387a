import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { CallBackScheduleRecord } from '../../domain/records.js';
import { onPropertyCreated } from './property.created.v1.js';

describe('property.created.v1 → the call-back schedule', () => {
  it("records the schedule under the property's id, handed over at its creation, caused by the event", async () => {
    const recorded: Array<{ schedule: CallBackScheduleRecord; causationId: string }> = [];
    let nudged = 0;
    const store = {
      recordSchedule: async (schedule: CallBackScheduleRecord, causationId: string) => {
        recorded.push({ schedule, causationId });
      },
    };
    const event = exampleEvent('property.created.v1');
    const now = new Date('2026-11-23T09:00:00Z');
    await feed(
      onPropertyCreated(store, () => (nudged += 1)),
      event,
      { now },
    );
    await feed(
      onPropertyCreated(store, () => (nudged += 1)),
      event,
      { now },
    );
    expect(recorded[0]).toEqual({
      schedule: {
        _id: event.data.propertyId,
        version: 1,
        createdAt: now,
        name: event.data.name,
        handoverAt: new Date(event.data.createdAt),
        handoverSource: 'PROPERTY_CREATED',
        nextDueAt: new Date(event.data.createdAt),
      },
      causationId: event.id,
    });
    // A replay decides the same record, so it hits the same `_id`.
    expect(recorded[1]).toEqual(recorded[0]);
    expect(nudged).toBe(2);
  });
});
