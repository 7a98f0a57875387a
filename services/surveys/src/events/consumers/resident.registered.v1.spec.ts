import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { ResidentOfPropertyRecord } from '../../domain/records.js';
import { onResidentRegistered } from './resident.registered.v1.js';

describe('resident.registered.v1 → where a resident lives', () => {
  it("records the resident's property under the resident's id, caused by the event (a replay hits the same _id)", async () => {
    const recorded: Array<{ record: ResidentOfPropertyRecord; causationId: string }> = [];
    const store = {
      recordResident: async (record: ResidentOfPropertyRecord, causationId: string) => {
        recorded.push({ record, causationId });
      },
    };
    const event = exampleEvent('resident.registered.v1');
    const now = new Date('2026-11-23T09:00:00Z');
    await feed(onResidentRegistered(store), event, { now });
    await feed(onResidentRegistered(store), event, { now });
    expect(recorded[0]).toEqual({
      record: { _id: event.data.residentId, version: 1, createdAt: now, propertyId: event.data.propertyId },
      causationId: event.id,
    });
    expect(recorded[1]).toEqual(recorded[0]);
  });
});
