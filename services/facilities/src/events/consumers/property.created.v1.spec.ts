import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { MaintenancePlanRecord, PropertyRecord } from '../../domain/records.js';
import { onPropertyCreated } from './property.created.v1.js';

/** The repository as the handler sees it: plans stored by id (those present left), the property record. */
function fakeMaintenance() {
  const plans = new Map<string, MaintenancePlanRecord>();
  const properties: Array<{ property: PropertyRecord; causationId: string }> = [];
  return {
    plans,
    properties,
    insertPlansAbsent: async (records: MaintenancePlanRecord[]) => {
      const fresh = records.filter((plan) => !plans.has(plan._id));
      for (const plan of fresh) plans.set(plan._id, plan);
      return fresh.map((plan) => plan._id);
    },
    recordProperty: async (property: PropertyRecord, causationId: string) => {
      properties.push({ property, causationId });
    },
  };
}

describe('property.created.v1 → the default maintenance plans', () => {
  it('creates the spec’s plans per facility type in the property’s zone, then records the property caused by the event', async () => {
    const maintenance = fakeMaintenance();
    const event = exampleEvent('property.created.v1', { data: { timeZone: 'Asia/Shanghai' } });
    await feed(onPropertyCreated(maintenance), event);
    expect([...maintenance.plans.values()].map((p) => [p.defaultKey, p.propertyId, p.timeZone])).toEqual(
      [
        'secondary-water-tank-cleaning',
        'drainage-inspection',
        'septic-tank-clean-out',
        'fire-equipment-patrol',
        'fire-full-test',
        'elevator-safety-test',
      ].map((key) => [key, event.data.propertyId, 'Asia/Shanghai']),
    );
    expect(maintenance.properties).toEqual([
      {
        property: expect.objectContaining({ _id: event.data.propertyId, timeZone: 'Asia/Shanghai' }),
        causationId: event.id,
      },
    ]);
  });

  it('decides the same plan ids when the event is replayed, so a replay adds no second set', async () => {
    const maintenance = fakeMaintenance();
    const event = exampleEvent('property.created.v1');
    await feed(onPropertyCreated(maintenance), event);
    await feed(onPropertyCreated(maintenance), event, { now: new Date('2026-11-24T00:00:00Z') });
    expect(maintenance.plans.size).toBe(6);
  });
});
