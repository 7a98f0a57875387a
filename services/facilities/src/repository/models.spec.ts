import { describe, expect, it } from '@jest/globals';
import { modelPolicyChecks } from '../../../../test/support/model-policy.js';
import type {
  FacilityRecord,
  FaultRecord,
  InspectionRecord,
  MeterRecord,
  ResidencyRecord,
  ServicePartnerRecord,
  MaintenancePlanRecord,
  MaintenanceTaskRecord,
  PropertyRecord,
} from '../domain/records.js';
import { FACILITIES_SCHEMAS } from './models.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const at = new Date('2026-11-23T02:00:00Z');
const fault = {
  _id: 'f1',
  reportedAt: at,
  description: 'Stuck on floor 3',
  complexity: 'GENERAL',
  source: 'STAFF',
  reportedBy: 'Li Wei',
  contactPhone: '13812345678',
  reports: [{ at, source: 'STAFF', reportedBy: 'Li Wei', description: 'Stuck on floor 3' }],
  status: 'DOWN',
  closedAt: at,
  closedByHelpRequestId: 'h1',
} satisfies FaultRecord;

// Typed as the record, so a field added to the record and not here fails type-checking, and a
// field here the schema does not declare fails the strict check below.
const records = {
  Facility: {
    _id: 'x1',
    version: 2,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    buildingId: 'b1',
    area: 'Building 1 lobby',
    name: 'Elevator A',
    type: 'ELEVATOR',
    assetTag: 'EL-001',
    model: 'GeN2',
    maker: 'Otis',
    installedOn: '2019-05-01',
    criticality: 'HIGH',
    status: 'DOWN',
    statusHistory: [
      {
        at,
        status: 'OPERATING',
        previousStatus: null,
        reason: 'registered',
        actorId: 'desk-1',
        faultId: null,
      },
    ],
    openFault: { ...fault, closedAt: null, closedByHelpRequestId: null },
    closedFaults: [fault],
  } satisfies FacilityRecord & { outbox: unknown[] },
  Residency: {
    _id: 'u1:r1',
    version: 1,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    unitId: 'u1',
    residentId: 'r1',
    current: true,
  } satisfies ResidencyRecord & { outbox: unknown[] },
  ServicePartner: {
    _id: 'sp1',
    version: 2,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    name: 'Anxin Fire Services',
    contactPhone: '02188886666',
    contracts: [
      {
        _id: 'c1',
        number: 'XF-2026-017',
        scope: 'Monthly patrol, yearly full test',
        facilityTypes: ['FIRE_PROTECTION'],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        createdAt: at,
        expiryWarnings: [{ leadDays: 30, warnedAt: at }],
      },
    ],
    nextWarningOn: '2026-12-01',
  } satisfies ServicePartnerRecord & { outbox: unknown[] },
  Meter: {
    _id: 'm1',
    version: 2,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    unitId: 'u1',
    facilityId: null,
    type: 'WATER',
    serialNumber: 'W-1',
    location: 'Building 1 meter room',
    series: 1,
    readings: [
      {
        _id: 'mr1',
        series: 1,
        kind: 'OPENING',
        value: 12.5,
        consumption: null,
        readAt: at,
        readBy: 'desk-1',
        recordedAt: at,
      },
    ],
  } satisfies MeterRecord & { outbox: unknown[] },
  Inspection: {
    _id: 'i1',
    version: 1,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    round: 'Fire equipment monthly patrol',
    inspectedAt: at,
    inspectorId: 'qi-1',
    inspectorName: 'Zhou Jie',
    items: [
      { facilityId: 'x1', item: 'Pump pressure', result: 'FAIL', note: 'low', faultId: 'f1', linked: false },
    ],
  } satisfies InspectionRecord & { outbox: unknown[] },
  MaintenancePlan: {
    _id: 'mp1',
    version: 1,
    createdAt: at,
    outbox: [],
    updatedAt: at,
    propertyId: 'p1',
    facilityId: null,
    facilityType: 'DRAINAGE_SEWAGE',
    name: 'Drainage inspection',
    recurrence: { kind: 'MONTHLY', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', startsOn: '2026-11-23' },
    checklist: ['Inlet clear'],
    evidence: ['CHECKLIST'],
    timeZone: 'Asia/Shanghai',
    active: true,
    defaultKey: 'drainage-inspection',
  } satisfies MaintenancePlanRecord & { outbox: unknown[] },
  MaintenanceTask: {
    _id: 'mt1',
    version: 2,
    createdAt: at,
    outbox: [],
    planId: 'mp1',
    propertyId: 'p1',
    facilityId: 'x1',
    facilityType: 'DRAINAGE_SEWAGE',
    name: 'Drainage inspection',
    periodStart: at,
    periodEnd: at,
    dueAt: at,
    checklist: ['Inlet clear'],
    evidence: ['CHECKLIST'],
    status: 'COMPLETED',
    overdueAt: at,
    assignee: { kind: 'SERVICE_PARTNER', id: 'sp1', assignedAt: at, assignedBy: 'desk-1' },
    completion: {
      completedAt: at,
      completedBy: 'tech-1',
      testReportRef: 'WQ-1',
      contractNumber: 'FM-1',
      checklist: [{ item: 'Inlet clear', ok: true, note: null }],
      notes: 'fine',
    },
  } satisfies MaintenanceTaskRecord & { outbox: unknown[] },
  Property: {
    _id: 'p1',
    version: 1,
    createdAt: at,
    outbox: [],
    code: 'GARDEN-01',
    name: 'Garden Court',
    timeZone: 'Asia/Shanghai',
  } satisfies PropertyRecord & { outbox: unknown[] },
} as const;

describe('facilities models', () => {
  const modelOf = modelPolicyChecks('Facilities', FACILITIES_SCHEMAS, records, README);

  it('refuses a field no schema declares rather than dropping it', () => {
    expect(() => new (modelOf('Facility'))({ ...records.Facility, colour: 'red' })).toThrow(
      /colour.*not in schema/,
    );
  });
});
