import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { Decision } from '@courtyard/kernel';
import { schedule } from '../../domain/fixtures.js';
import type { MembershipRecord, ServiceChargeRecord, UnitRecord } from '../../domain/records.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onUnitCreated } from './unit.created.v1.js';
import { onWorkOrderClosed } from './workorder.closed.v1.js';

function fakeProjections() {
  const units: Array<{ unit: UnitRecord; causationId: string }> = [];
  const memberships: Array<{ membership: MembershipRecord; causationId: string }> = [];
  const charges: Array<{ decision: Decision<ServiceChargeRecord>; causationId: string }> = [];
  const days: string[] = [];
  return {
    units,
    memberships,
    charges,
    days,
    recordUnit: async (unit: UnitRecord, causationId: string) => void units.push({ unit, causationId }),
    recordMembership: async (membership: MembershipRecord, causationId: string) =>
      void memberships.push({ membership, causationId }),
    scheduleInForce: async (_propertyId: string, day: string) => {
      days.push(day);
      return schedule();
    },
    recordServiceCharge: async (decision: Decision<ServiceChargeRecord>, causationId: string) =>
      void charges.push({ decision, causationId }),
  };
}

describe('billing’s reactions', () => {
  it('unit.created.v1 → the unit under its own id, its area in hundredths of a m², caused by the event', async () => {
    const projections = fakeProjections();
    const event = exampleEvent('unit.created.v1', { data: { areaSquareMeters: 120.05 } });
    await feed(onUnitCreated(projections), event);
    await feed(onUnitCreated(projections), event);
    expect(projections.units[0]).toEqual({
      unit: expect.objectContaining({
        _id: event.data.unitId,
        areaHundredths: 12005,
        unitType: 'RESIDENTIAL',
      }),
      causationId: event.id,
    });
    expect(projections.units[1]).toEqual(projections.units[0]);
  });

  it('moves in and out → one membership per unit and resident, current or not', async () => {
    const projections = fakeProjections();
    const moveIn = exampleEvent('resident.moved_in.v1');
    const moveOut = exampleEvent('resident.moved_out.v1', {
      data: { unitId: moveIn.data.unitId, residentId: moveIn.data.residentId },
    });
    await feed(onResidentMovedIn(projections), moveIn);
    await feed(onResidentMovedOut(projections), moveOut);
    expect(projections.memberships.map(({ membership }) => [membership._id, membership.current])).toEqual([
      [`${moveIn.data.unitId}:${moveIn.data.residentId}`, true],
      [`${moveIn.data.unitId}:${moveIn.data.residentId}`, false],
    ]);
  });

  it('workorder.closed.v1 → a paid request is priced on the day it was received; a free one is ignored', async () => {
    const projections = fakeProjections();
    await feed(
      onWorkOrderClosed(projections),
      exampleEvent('workorder.closed.v1', { data: { paid: false } }),
    );
    expect(projections.charges).toEqual([]);
    const paid = exampleEvent('workorder.closed.v1', {
      data: { paid: true, receivedAt: '2027-01-05T23:30:00.000Z' },
    });
    await feed(onWorkOrderClosed(projections), paid);
    expect(projections.days).toEqual(['2027-01-05']);
    expect(projections.charges[0]).toMatchObject({
      decision: { record: { _id: paid.data.helpRequestId, status: 'CHARGED', amount: 8000 } },
      causationId: paid.id,
    });
  });
});
