import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Decision } from '@courtyard/kernel/domain';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import { registerFacility, reportFacilityFault } from '../../domain/facility.js';
import type { FacilityRecord } from '../../domain/records.js';
import { onRepairResolved } from './workorder.resolved.v1.js';

const reportedAt = new Date('2026-11-24T08:00:00Z');
const context = {
  actor: { subject: 'desk-1', role: 'FRONT_DESK' as const, propertyIds: ['*'] },
  now: reportedAt,
  newId: sequentialIds(),
};

function downElevator() {
  const facility = registerFacility(
    {
      propertyId: 'p1',
      area: 'Lobby',
      name: 'Elevator A',
      type: 'ELEVATOR',
      assetTag: 'EL-1',
      criticality: 'HIGH',
    },
    context,
  ).record;
  const { record, fault } = reportFacilityFault(
    facility,
    { description: 'Stuck', complexity: 'GENERAL', source: 'STAFF', reportedBy: 'Li' },
    context,
  );
  return { record, fault };
}

function fakeFacilities(stored: FacilityRecord | null) {
  const saved: Array<{ decision: Decision<FacilityRecord>; causationId: string | undefined }> = [];
  return {
    saved,
    facilityForReaction: async () => stored,
    saveFacility: async (
      _before: FacilityRecord,
      decision: Decision<FacilityRecord>,
      causationId?: string,
    ) => {
      saved.push({ decision, causationId });
      return decision.record;
    },
  };
}

describe('workorder.resolved.v1 → the fault closes, the facility is OPERATING', () => {
  it('closes the open fault at the resolution time, caused by the event', async () => {
    const { record, fault } = downElevator();
    const facilities = fakeFacilities(record);
    const event = exampleEvent('workorder.resolved.v1', {
      data: { facilityId: record._id, faultId: fault._id },
    });
    await feed(onRepairResolved(facilities), event, { now: new Date('2026-11-24T09:00:07Z') });
    expect(facilities.saved).toHaveLength(1);
    expect(facilities.saved[0]?.causationId).toBe(event.id);
    expect(facilities.saved[0]?.decision.record).toMatchObject({ status: 'OPERATING', openFault: null });
    // The example's occurredAt: when work-orders resolved it, not when this consumer ran.
    expect(facilities.saved[0]?.decision.record.statusHistory.at(-1)?.at).toEqual(
      new Date(event.data.occurredAt),
    );
  });

  it.each([
    ['a request not raised from a fault', {}],
    ['another fault', { faultId: 'other' }],
  ])('changes nothing for %s', async (_, data) => {
    const { record } = downElevator();
    const facilities = fakeFacilities(record);
    await feed(
      onRepairResolved(facilities),
      exampleEvent('workorder.resolved.v1', { data: { facilityId: record._id, ...data } }),
    );
    expect(facilities.saved).toEqual([]);
  });
});
