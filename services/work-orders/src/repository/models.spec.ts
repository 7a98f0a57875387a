import { describe, expect, it } from '@jest/globals';
import { modelPolicyChecks } from '../../../../test/support/model-policy.js';
import type {
  ComplaintWindowRecord,
  HelpRequestRecord,
  HelpRequestRegisterRecord,
  IncidentRecord,
  PropertyRecord,
  RegisterRunRecord,
  ResidentRecord,
  SlaReportDueRecord,
  StaffRecord,
  UnitRecord,
} from '../domain/records.js';
import { WORK_ORDERS_SCHEMAS } from './models.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const at = (hour: number) => new Date(Date.UTC(2026, 10, 23, hour));

// Typed as the records, so a field added to a record and not here fails type-checking, and a
// field here the schema does not declare fails the strict check below. Every nested shape is
// filled in, so each nested schema is checked too.
const helpRequest = {
  _id: 'hr1',
  version: 7,
  createdAt: at(1),
  number: 'WO-2026-000001',
  propertyId: 'p1',
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'PHONE',
  state: 'CLOSED',
  description: 'Kitchen pipe leaking',
  contact: { name: 'Li Wei', phone: '13812345678' },
  requesterId: 'r1',
  unitId: 'u1',
  attachments: ['photo-1'],
  urgent: true,
  paid: false,
  confidential: false,
  complaintSeverity: null,
  complaintTier: null,
  consultationMode: null,
  faultComplexity: 'COMPLEX',
  familyMemberPresent: null,
  ownerId: 'desk-1',
  assigneeIds: ['tech-1', 'tech-2'],
  firstReplyDueAt: at(1),
  onSiteDueAt: at(2),
  dueAt: at(5),
  slaRule: 'repair.urgent',
  timeZone: 'Asia/Shanghai',
  repeatOfId: 'hr0',
  repeatOfOwnerId: 'desk-2',
  escalationLevel: 1,
  clocks: [
    {
      kind: 'ON_SITE',
      limit: { amount: 30, unit: 'MINUTES' },
      rule: 'urgent repair: on site within 30 min',
      startedAt: at(1),
      dueAt: at(2),
      pausedAt: at(2),
      pausedMs: 60_000,
      stoppedAt: at(3),
      stoppedById: 'tech-1',
      channel: 'PHONE',
      breachedAt: at(2),
    },
  ],
  pendingClocks: [
    { kind: 'FEEDBACK', limit: { amount: 4, unit: 'HOURS' }, rule: 'feedback 4 h', startsAt: 'ARRIVAL' },
  ],
  slaWakeAt: at(3),
  escalation: {
    level: 1,
    role: 'SERVICE_SUPERVISOR',
    title: '服务处主管',
    staffId: 'sup-1',
    at: at(2),
    clock: 'ON_SITE',
    deadlineAt: at(3),
  },
  breaches: [{ key: 'hr1:ON_SITE:0', clock: 'ON_SITE', dueAt: at(2), detectedAt: at(2), level: 0 }],
  policyVersion: '1.0',
  outcome: 'Replaced the joint',
  resolvedAt: at(4),
  confirmation: { kind: 'CONFIRMED', at: at(5) },
  followUp: { result: 'SATISFIED', note: 'All dry', at: at(6), byId: 'desk-1' },
  referral: { department: 'Water company', contact: null, residentToldAt: at(2) },
  partsNotices: [{ message: 'Joint ordered', notifiedUnitIds: ['u1', 'u2'], expectedBy: at(3), at: at(2) }],
  inspections: [{ at: at(7), inspectorId: 'qi-1', finding: 'Done well', passed: true }],
  timeline: [
    { at: at(1), actorId: 'desk-1', actorRole: 'FRONT_DESK', from: null, to: 'RECEIVED', note: null },
    { at: at(7), actorId: 'desk-1', actorRole: 'FRONT_DESK', from: 'FOLLOWED_UP', to: 'CLOSED', note: 'ok' },
  ],
  closedAt: at(7),
  facilityId: 'fac-1',
  faultId: 'fault-1',
  register: { year: 2026, archivedAt: at(8), anonymisedAt: at(9) },
  preferredVisitAt: at(3),
  comments: [
    { at: at(2), byId: 'r1', byRole: 'RESIDENT', text: 'Still dripping', attachments: ['https://x/1.jpg'] },
  ],
  withdrawal: { at: at(4), byId: 'r1', reason: 'Fixed it myself' },
  source: { partnerId: 'city-hotline' },
  acceptedAt: at(1),
  corrections: [
    {
      at: at(2),
      byId: 'desk-1',
      byRole: 'FRONT_DESK',
      reason: 'Recorded as a leak; it is the drain',
      changes: [{ field: 'category', from: 'WATER_LEAK', to: 'DRAINAGE' }],
    },
  ],
  tierChanges: [
    {
      at: at(3),
      from: 'COMPLAINT',
      to: 'ESCALATED',
      decidedById: 'sup-1',
      decidedByRole: 'SERVICE_SUPERVISOR',
      reason: 'Resident not satisfied',
    },
  ],
  currentOwnerId: 'sup-1',
  handovers: [
    {
      at: at(3),
      fromId: 'desk-1',
      toId: 'sup-1',
      byId: 'desk-1',
      basis: 'LEADER',
      reason: 'Outside my remit',
    },
  ],
  fieldWork: {
    arrivedAt: at(2),
    arrivedById: 'tech-1',
    notes: [{ at: at(2), byId: 'tech-1', text: 'Joint worn', photos: ['https://files.example/p1.jpg'] }],
    parts: [
      { at: at(3), byId: 'tech-1', name: 'Joint', quantity: 2, cost: { amount: 1800, currency: 'CNY' } },
      { at: at(3), byId: 'tech-1', name: 'Tape', quantity: 1, cost: null },
    ],
    signOff: { at: at(4), recordedById: 'tech-1', residentName: 'Li Wei', signature: null, note: 'ok' },
  },
  outbox: [],
} satisfies HelpRequestRecord & { outbox: unknown[] };

const justReceived = {
  ...helpRequest,
  requesterId: null,
  unitId: null,
  onSiteDueAt: null,
  clocks: [],
  pendingClocks: [],
  slaWakeAt: null,
  escalation: null,
  breaches: [],
  repeatOfId: null,
  repeatOfOwnerId: null,
  outcome: null,
  resolvedAt: null,
  confirmation: null,
  followUp: null,
  referral: null,
  partsNotices: [],
  inspections: [],
  closedAt: null,
  facilityId: null,
  faultId: null,
  register: null,
  // Submitted from the app, waiting for the staff member who accepts it.
  ownerId: null,
  preferredVisitAt: null,
  comments: [],
  withdrawal: null,
  source: null,
} satisfies HelpRequestRecord & { outbox: unknown[] };

const register = {
  _id: 'p1:2026',
  version: 3,
  createdAt: at(8),
  propertyId: 'p1',
  year: 2026,
  timeZone: 'Asia/Shanghai',
  retainedUntil: at(20),
  archivedCount: 200,
  firstArchivedAt: at(8),
  lastArchivedAt: at(8),
  anonymisedCount: 0,
  anonymisedAt: null,
  batches: 1,
  pending: { number: 2, kind: 'ARCHIVE', helpRequestIds: ['hr1'], runId: 'run-1', at: at(8) },
  outbox: [],
} satisfies HelpRequestRegisterRecord & { outbox: unknown[] };

const registerRun = {
  _id: 'run-1',
  version: 2,
  createdAt: at(8),
  at: at(8),
  status: 'COMPLETED',
  finishedAt: at(9),
  archived: 201,
  anonymised: 0,
  resumedBatches: 1,
  registers: [{ propertyId: 'p1', year: 2026, archived: 201, anonymised: 0 }],
  error: null,
  outbox: [],
} satisfies RegisterRunRecord & { outbox: unknown[] };

const slaReportDue = {
  _id: 'p1:MONTHLY:2026-10-31T16:00:00.000Z',
  version: 1,
  createdAt: at(8),
  propertyId: 'p1',
  kind: 'MONTHLY',
  periodStart: at(0),
  periodEnd: at(1),
  dueOn: '2026-12-10',
  dueAt: at(2),
  outbox: [],
} satisfies SlaReportDueRecord & { outbox: unknown[] };

const staff = {
  _id: 'tech-1',
  version: 1,
  createdAt: at(0),
  name: 'Wang Plumber',
  propertyIds: ['p1', 'p2'],
  roles: ['TECHNICIAN'],
  skills: ['PLUMBING'],
  grade: 'INTERMEDIATE',
  timeZone: 'Asia/Shanghai',
  roster: [{ weekday: 1, start: '22:00', end: '06:00' }],
  active: true,
  shiftChanges: [{ day: '2026-11-24', shifts: [{ start: '08:00', end: '12:00' }], reason: 'swap' }],
  leave: [{ from: '2026-12-01', to: '2026-12-03', reason: 'annual leave' }],
  history: [
    {
      at: at(1),
      actorId: 'gm-1',
      actorRole: 'GENERAL_MANAGER',
      field: 'grade',
      from: '"JUNIOR"',
      to: '"INTERMEDIATE"',
      reason: 'assessed',
    },
  ],
  outbox: [],
} satisfies StaffRecord & { outbox: unknown[] };

const property = {
  _id: 'p1',
  version: 1,
  createdAt: at(0),
  code: 'GARDEN-01',
  name: 'Garden Court',
  timeZone: 'Asia/Shanghai',
  slaPolicies: [
    {
      version: '1.1',
      rules: [
        {
          clock: 'ON_SITE',
          limit: { amount: 20, unit: 'MINUTES' },
          startsAt: 'INTAKE',
          description: 'urgent repair: on site within 20 min',
          when: {
            types: ['REPAIR'],
            categories: ['WATER_LEAK'],
            urgent: true,
            complaintSeverity: 'GENERAL',
            consultationMode: 'ORAL',
            faultComplexity: 'GENERAL',
          },
        },
      ],
      createdAt: at(0),
      createdById: 'dir-1',
      effectiveFrom: at(1),
      publishedAt: at(0),
      publishedById: 'dir-1',
    },
  ],
  calendar: {
    restWeekdays: [6, 7],
    holidays: [{ date: '2026-10-01', name: '国庆节 (National Day)' }],
    makeUpWorkdays: [{ date: '2026-10-10', name: '国庆节 (National Day)' }],
    seededFrom: 'chinese-days@1.5.7',
  },
  incidentRules: [
    { group: 'KEY_SERVICE', categories: ['ELEVATOR'], regularThreshold: 5, vipThreshold: 3, grade: 'MAJOR' },
  ],
  causedBy: ['6f1c2a9e-0c4b-4a8e-9d7e-2b1f3c4d5e6f'],
  outbox: [],
} satisfies PropertyRecord & { outbox: unknown[]; causedBy: string[] };

const resident = {
  _id: 'r1',
  version: 2,
  createdAt: at(0),
  propertyId: 'p1',
  vip: true,
  unitId: 'u1',
  householdId: 'h1',
  causedBy: ['6f1c2a9e-0c4b-4a8e-9d7e-2b1f3c4d5e60'],
  outbox: [],
} satisfies ResidentRecord & { outbox: unknown[]; causedBy: string[] };

const unit = {
  _id: 'u1',
  version: 1,
  createdAt: at(0),
  propertyId: 'p1',
  buildingId: 'b1',
  number: '3-1201',
  causedBy: ['6f1c2a9e-0c4b-4a8e-9d7e-2b1f3c4d5e61'],
  outbox: [],
} satisfies UnitRecord & { outbox: unknown[]; causedBy: string[] };

const complaintWindow = {
  _id: 'p1:ELEVATOR',
  version: 3,
  createdAt: at(0),
  propertyId: 'p1',
  category: 'ELEVATOR',
  complaints: [{ helpRequestId: 'hr1', at: at(1), vip: true }],
  openIncidentId: 'inc-1',
  raised: 1,
  outbox: [],
} satisfies ComplaintWindowRecord & { outbox: unknown[] };

const incident = {
  _id: 'inc-1',
  version: 4,
  createdAt: at(1),
  propertyId: 'p1',
  category: 'ELEVATOR',
  group: 'KEY_SERVICE',
  grade: 'MAJOR',
  state: 'CLOSED',
  helpRequestIds: ['hr1', 'hr2', 'hr3'],
  complaints: 3,
  vipComplaints: 3,
  raisedById: 'desk-1',
  deadlineAt: at(4),
  escalationLevel: 1,
  escalation: { level: 1, role: 'SERVICE_SUPERVISOR', title: '服务处主管', staffId: 'sup-1', at: at(4) },
  escalationKeys: ['inc-1:1'],
  responsibleStaffId: 'sup-1',
  takenAt: at(5),
  report: { cause: 'Controller failed', customerExplanation: 'Elevator B2 stopped', remediation: 'Porters' },
  closedAt: at(6),
  closedById: 'sup-1',
  outbox: [],
} satisfies IncidentRecord & { outbox: unknown[] };

describe('work-orders models', () => {
  // A closed help request (every nested shape filled in), a staff member, a projected property.
  const modelOf = modelPolicyChecks(
    'WorkOrders',
    WORK_ORDERS_SCHEMAS,
    {
      HelpRequest: helpRequest,
      Staff: staff,
      Property: property,
      Resident: resident,
      Unit: unit,
      ComplaintWindow: complaintWindow,
      Incident: incident,
      HelpRequestRegister: register,
      RegisterRun: registerRun,
      SlaReportDue: slaReportDue,
    },
    README,
  );

  /** Why mongoose refuses a document: thrown at construction (top level) or reported by validation (nested). */
  const refusal = (name: keyof typeof WORK_ORDERS_SCHEMAS, value: object): string | undefined => {
    try {
      return new (modelOf(name))(value).validateSync()?.message;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('takes a just-received help request, its optional parts null, unchanged too', () => {
    const document = new (modelOf('HelpRequest'))(justReceived);
    expect(document.validateSync()).toBeUndefined();
    expect(document.toObject()).toEqual(justReceived);
  });

  it('refuse a field no schema declares, at the top level or nested, rather than dropping it', () => {
    expect(refusal('HelpRequest', { ...helpRequest, priority: 'high' })).toMatch(/priority.*not in schema/);
    expect(
      refusal('HelpRequest', { ...helpRequest, contact: { ...helpRequest.contact, email: 'x@y' } }),
    ).toMatch(/StrictModeError/);
    expect(refusal('Staff', { ...staff, roster: [{ ...staff.roster[0], breakMinutes: 30 }] })).toMatch(
      /StrictModeError/,
    );
  });
});
