import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import {
  changeFacilityStatus,
  closeFaultOnRepair,
  registerFacility,
  reportFacilityFault,
  reportSharedFacilityFault,
  retireFacility,
} from './facility.js';
import type { FacilityRecord } from './records.js';

const now = new Date('2026-11-23T02:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const as = (caller: Partial<Caller>, at = now): CommandContext => ({
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'], ...caller },
  now: at,
  newId: sequentialIds(),
});
const system = (at: Date): CommandContext => ({
  actor: { subject: 'facilities', role: 'SYSTEM', propertyIds: ['*'] },
  now: at,
  newId: sequentialIds(),
  causationId: 'e1',
});
const elevatorInput = {
  propertyId: 'p1',
  buildingId: 'b1',
  area: ' Building 1 lobby ',
  name: 'Elevator A',
  type: 'ELEVATOR',
  assetTag: 'EL-001',
  criticality: 'HIGH',
};
const elevator = (): FacilityRecord => registerFacility(elevatorInput, as({})).record;
const fault = {
  description: 'Stuck on floor 3',
  complexity: 'GENERAL',
  source: 'STAFF',
  reportedBy: 'Li Wei',
};

describe('registerFacility', () => {
  it('records an OPERATING facility with its first history entry and one event', () => {
    const { record, events } = registerFacility(elevatorInput, as({}));
    expect(record).toMatchObject({
      propertyId: 'p1',
      area: 'Building 1 lobby',
      status: 'OPERATING',
      model: null,
      installedOn: null,
      statusHistory: [{ at: now, status: 'OPERATING', previousStatus: null, reason: 'registered' }],
      openFault: null,
    });
    expect(events).toMatchObject([
      { type: 'facility.registered.v1', subject: record._id, data: { type: 'ELEVATOR', assetTag: 'EL-001' } },
    ]);
    expect(registerFacility(elevatorInput, as({}))).toEqual(registerFacility(elevatorInput, as({})));
  });

  it.each([
    ['a technician', { role: 'TECHNICIAN' as const }, 'ROLE_NOT_ALLOWED'],
    ['an inspector', { role: 'QUALITY_INSPECTOR' as const }, 'ROLE_NOT_ALLOWED'],
    ['staff of another property', { propertyIds: ['p2'] }, 'OUTSIDE_PROPERTY_SCOPE'],
  ])('refuses %s', (_, caller, reason) => {
    expect(() => registerFacility(elevatorInput, as(caller))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason }) as unknown as Error,
    );
  });

  it('refuses bad input, every problem at once', () => {
    expect(() =>
      registerFacility({ ...elevatorInput, type: 'ROCKET', installedOn: '23/11/2026' }, as({})),
    ).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' }) as unknown as Error,
    );
  });
});

describe('changeFacilityStatus and retireFacility', () => {
  it('appends the change with its reason; a technician may change status but not retire', () => {
    const { record, events } = changeFacilityStatus(
      elevator(),
      { status: 'UNDER_MAINTENANCE', reason: 'monthly safety test' },
      as({ role: 'TECHNICIAN' }, later(10)),
    );
    expect(record.status).toBe('UNDER_MAINTENANCE');
    expect(record.statusHistory.at(-1)).toMatchObject({
      at: later(10),
      status: 'UNDER_MAINTENANCE',
      previousStatus: 'OPERATING',
      reason: 'monthly safety test',
    });
    expect(events).toMatchObject([
      {
        type: 'facility.status_changed.v1',
        data: { status: 'UNDER_MAINTENANCE', previousStatus: 'OPERATING' },
      },
    ]);
    expect(() => retireFacility(record, { reason: 'old' }, as({ role: 'TECHNICIAN' }))).toThrow(
      expect.objectContaining({ reason: 'ROLE_NOT_ALLOWED' }) as unknown as Error,
    );
  });

  it.each([['the same status', { status: 'OPERATING', reason: 'x' }, 'STATUS_UNCHANGED']])(
    'refuses %s',
    (_, input, reason) => {
      expect(() => changeFacilityStatus(elevator(), input, as({}))).toThrow(
        expect.objectContaining({ code: 'CONFLICT', reason }) as unknown as Error,
      );
    },
  );

  it('refuses RETIRED by hand (only retireFacility), and any change once retired', () => {
    expect(() => changeFacilityStatus(elevator(), { status: 'RETIRED', reason: 'x' }, as({}))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }) as unknown as Error,
    );
    const retired = retireFacility(elevator(), { reason: 'replaced' }, as({})).record;
    expect(retired.status).toBe('RETIRED');
    expect(() => changeFacilityStatus(retired, { status: 'DOWN', reason: 'x' }, as({}))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'FACILITY_RETIRED' }) as unknown as Error,
    );
  });
});

describe('reportFacilityFault', () => {
  it('takes a high-criticality facility DOWN and asks for an urgent repair in its category', () => {
    const decision = reportFacilityFault(elevator(), fault, as({}, later(5)));
    expect(decision.linked).toBe(false);
    expect(decision.record).toMatchObject({ status: 'DOWN', openFault: { description: 'Stuck on floor 3' } });
    expect(decision.record.statusHistory.at(-1)).toMatchObject({
      status: 'DOWN',
      faultId: decision.fault._id,
    });
    expect(decision.events.map((e) => e.type)).toEqual([
      'facility.fault_reported.v1',
      'facility.status_changed.v1',
    ]);
    expect(decision.events[0]).toMatchObject({
      data: {
        category: 'ELEVATOR',
        urgent: true,
        status: 'DOWN',
        complexity: 'GENERAL',
        faultId: decision.fault._id,
      },
    });
  });

  it.each([
    ['CRITICAL', 'GENERAL', 'DOWN'],
    ['HIGH', 'GENERAL', 'DOWN'],
    ['NORMAL', 'GENERAL', 'DEGRADED'],
    ['LOW', 'GENERAL', 'DEGRADED'],
    ['NORMAL', 'COMPLEX', 'DOWN'],
    ['LOW', 'COMPLEX', 'DOWN'],
  ])('a %s facility with a %s fault is %s', (criticality, complexity, status) => {
    const lamp = registerFacility({ ...elevatorInput, type: 'ROAD_LIGHTING', criticality }, as({})).record;
    expect(reportFacilityFault(lamp, { ...fault, complexity }, as({})).record.status).toBe(status);
  });

  it('links a second report to the open fault: no status change, no event', () => {
    const first = reportFacilityFault(elevator(), fault, as({}, later(5))).record;
    const second = reportFacilityFault(
      first,
      { ...fault, source: 'RESIDENT', reportedBy: 'Wang Fang', description: 'Lift not working' },
      as({}, later(7)),
    );
    expect(second.linked).toBe(true);
    expect(second.events).toEqual([]);
    expect(second.record.statusHistory).toEqual(first.statusHistory);
    expect(second.record.openFault?.reports).toMatchObject([
      { source: 'STAFF' },
      { source: 'RESIDENT', at: later(7), description: 'Lift not working' },
    ]);
  });

  it('records a partner report as source PARTNER under its partner id; refuses a partner of another property', () => {
    const partner = { subject: 'sb-1', role: 'PARTNER' as const, partnerId: 'smart-building' };
    const { fault: reported } = reportFacilityFault(
      elevator(),
      { ...fault, source: 'STAFF', reportedBy: 'sensor 17' },
      as(partner),
    );
    expect(reported).toMatchObject({ source: 'PARTNER', reportedBy: 'smart-building: sensor 17' });
    expect(() => reportFacilityFault(elevator(), fault, as({ ...partner, propertyIds: ['p2'] }))).toThrow(
      expect.objectContaining({ reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
  });

  it('refuses inspectors and retired facilities; refuses OPERATING or retiring while a fault is open', () => {
    expect(() => reportFacilityFault(elevator(), fault, as({ role: 'QUALITY_INSPECTOR' }))).toThrow(
      expect.objectContaining({ reason: 'ROLE_NOT_ALLOWED' }) as unknown as Error,
    );
    const down = reportFacilityFault(elevator(), fault, as({})).record;
    expect(() => changeFacilityStatus(down, { status: 'OPERATING', reason: 'fixed?' }, as({}))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'FAULT_OPEN' }) as unknown as Error,
    );
    expect(() => retireFacility(down, { reason: 'x' }, as({}))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'FAULT_OPEN' }) as unknown as Error,
    );
  });
});

describe('closeFaultOnRepair', () => {
  const down = () => reportFacilityFault(elevator(), fault, as({}, later(5)));
  const repair = (faultId: string, resolvedAt = later(65)) => ({
    faultId,
    helpRequestId: 'h1',
    number: 'WO-2026-000001',
    resolvedAt,
  });

  it('closes the fault and returns to OPERATING at the time the repair was resolved', () => {
    const { record, fault: open } = down();
    const decision = closeFaultOnRepair(record, repair(open._id), system(later(66)));
    expect(decision?.record).toMatchObject({
      status: 'OPERATING',
      openFault: null,
      closedFaults: [{ _id: open._id, closedAt: later(65), closedByHelpRequestId: 'h1' }],
    });
    expect(decision?.record.statusHistory.at(-1)).toMatchObject({
      at: later(65),
      status: 'OPERATING',
      previousStatus: 'DOWN',
      actorId: 'facilities',
      faultId: open._id,
    });
    expect(decision?.events).toMatchObject([
      { type: 'facility.status_changed.v1', data: { status: 'OPERATING' } },
    ]);
  });

  it('never goes back in time: a resolution stamped before the last change ends at that change', () => {
    const { record, fault: open } = down();
    const decision = closeFaultOnRepair(record, repair(open._id, later(1)), system(later(66)));
    expect(decision?.record.statusHistory.at(-1)?.at).toEqual(later(5));
  });

  it('decides nothing for another fault or when none is open', () => {
    const { record } = down();
    expect(closeFaultOnRepair(record, repair('other'), system(later(66)))).toBeNull();
    expect(closeFaultOnRepair(elevator(), repair('other'), system(later(66)))).toBeNull();
  });
});

describe('a resident reports a shared facility fault', () => {
  const resident = (residentId = 'r1') =>
    as({ subject: `res-${residentId}`, role: 'RESIDENT', propertyIds: [], residentId });
  it('opens the fault with source RESIDENT under the resident id; a second resident is linked', () => {
    const first = reportSharedFacilityFault(elevator(), { description: 'Lift dead' }, true, resident());
    expect(first).toMatchObject({
      linked: false,
      fault: { source: 'RESIDENT', reportedBy: 'r1', complexity: 'GENERAL' },
      record: { status: 'DOWN' },
    });
    expect(first.events.map((e) => e.type)).toContain('facility.fault_reported.v1');
    const second = reportSharedFacilityFault(
      first.record,
      { description: 'Still dead' },
      true,
      resident('r2'),
    );
    expect(second).toMatchObject({ linked: true, events: [], fault: { _id: first.fault._id } });
    expect(second.fault.reports.map((r) => r.reportedBy)).toEqual(['r1', 'r2']);
  });

  it('a resident who does not live at the property gets NOT_FOUND, as for a missing facility', () => {
    expect(() => reportSharedFacilityFault(elevator(), { description: 'x' }, false, resident())).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', reason: 'FACILITY_NOT_FOUND' }),
    );
  });
});
