import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { registerFacility, reportFacilityFault } from './facility.js';
import {
  faultFromInspection,
  facilitiesToFault,
  planInspection,
  recordedInspection,
  requireFacilitiesOf,
} from './inspection.js';
import type { FacilityRecord } from './records.js';

const now = new Date('2026-11-23T02:00:00Z');
const as = (caller: Partial<Caller> = {}): CommandContext => ({
  actor: { subject: 'qi-1', role: 'QUALITY_INSPECTOR', propertyIds: ['*'], name: 'Zhou Jie', ...caller },
  now,
  newId: sequentialIds(),
});
const desk: CommandContext = {
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] },
  now,
  newId: sequentialIds(),
};
const pump = (): FacilityRecord =>
  registerFacility(
    {
      propertyId: 'p1',
      area: 'Pump room',
      name: 'Fire pump',
      type: 'FIRE_PROTECTION',
      assetTag: 'FP-1',
      criticality: 'CRITICAL',
    },
    desk,
  ).record;
const round = (items: Array<Record<string, unknown>>) => ({
  propertyId: 'p1',
  round: 'Fire equipment monthly patrol',
  inspectedAt: now,
  items,
});

describe('inspection rounds', () => {
  it('a failed item raises a fault through the fault path, source INSPECTION, the facility DOWN', () => {
    const facility = pump();
    const plan = planInspection(
      round([
        { facilityId: facility._id, item: 'Pressure gauge', result: 'FAIL', note: '0.2 MPa' },
        { facilityId: facility._id, item: 'Valve labels', result: 'PASS' },
        { item: 'Extinguisher cabinet B2', result: 'FAIL', note: 'glass cracked' },
      ]),
      as(),
    );
    requireFacilitiesOf(plan, new Map([[facility._id, facility]]));
    expect(facilitiesToFault(plan)).toEqual([facility._id]);
    const decision = faultFromInspection(plan, facility, as());
    expect(decision).toMatchObject({
      linked: false,
      record: { status: 'DOWN' },
      fault: {
        source: 'INSPECTION',
        reportedBy: 'Zhou Jie',
        description: 'Fire equipment monthly patrol: Pressure gauge: 0.2 MPa',
      },
    });
    expect(decision.events.map((e) => e.type)).toEqual([
      'facility.fault_reported.v1',
      'facility.status_changed.v1',
    ]);
    const recorded = recordedInspection(
      plan,
      new Map([[facility._id, { faultId: decision.fault._id, linked: false }]]),
      as(),
    );
    expect(recorded.items.map((i) => [i.result, i.faultId])).toEqual([
      ['FAIL', decision.fault._id],
      ['PASS', null],
      ['FAIL', null],
    ]);
  });

  it('a failed item on a facility with a fault open is linked to it; raiseFault: false raises none', () => {
    const facility = reportFacilityFault(
      pump(),
      { description: 'Leak', complexity: 'GENERAL', source: 'STAFF', reportedBy: 'Li' },
      desk,
    ).record;
    const plan = planInspection(
      round([{ facilityId: facility._id, item: 'Pressure', result: 'FAIL' }]),
      as(),
    );
    expect(faultFromInspection(plan, facility, as())).toMatchObject({ linked: true, events: [] });
    const quiet = planInspection(
      round([{ facilityId: facility._id, item: 'Label', result: 'FAIL', raiseFault: false }]),
      as(),
    );
    expect(facilitiesToFault(quiet)).toEqual([]);
  });

  it('refuses a facility of another property as not found, a round dated ahead, a resident', () => {
    const plan = planInspection(round([{ facilityId: 'elsewhere', item: 'x', result: 'FAIL' }]), as());
    expect(() =>
      requireFacilitiesOf(plan, new Map([['elsewhere', { ...pump(), propertyId: 'p2' }]])),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() =>
      planInspection(
        { ...round([{ item: 'x', result: 'PASS' }]), inspectedAt: new Date(now.getTime() + 3_600_000) },
        as(),
      ),
    ).toThrow(expect.objectContaining({ reason: 'INSPECTION_IN_FUTURE' }));
    expect(() =>
      planInspection(round([{ item: 'x', result: 'PASS' }]), as({ role: 'RESIDENT', propertyIds: [] })),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
