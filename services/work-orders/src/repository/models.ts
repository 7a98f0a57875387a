/**
 * Model policy (the kernel's `MODEL_OPTIONS`): every schema declares each stored field with its
 * type and is `strict: 'throw'`. Both aggregates are written by `AggregateWriter` through the
 * driver and read lean, so the schema is the declared stored shape, not a write-time filter:
 * shapes are validated by the domain before they get here, and models.spec.ts instantiates each
 * model from a complete record so a field the schema forgets fails the build.
 *
 * Indexes: the unique request number, plus one per read path (listed with the path it serves in
 * services/work-orders/README.md; models.spec.ts keeps that table and these in step). List
 * indexes follow equality, sort, range and end in `createdAt: -1, _id: -1`, the order `paginate`
 * sorts by. The local wire server accepts but does not use the non-unique ones; MongoDB (docker
 * compose) builds them at start-up through `createIndexes`.
 */
import { AGGREGATE_FIELDS, MODEL_OPTIONS, nested, withOutboxSweepIndex } from '@courtyard/kernel';
import { Schema, type Connection, type Model } from 'mongoose';
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

const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

const timelineEntry = nested({
  at: Date,
  actorId: String,
  actorRole: String,
  from: String,
  to: String,
  note: String,
});

const limit = nested({ amount: Number, unit: String });
const clock = nested({
  kind: String,
  limit,
  rule: String,
  startedAt: Date,
  dueAt: Date,
  pausedAt: Date,
  pausedMs: Number,
  stoppedAt: Date,
  stoppedById: String,
  channel: String,
  breachedAt: Date,
});
const escalation = nested({
  level: Number,
  role: String,
  title: String,
  staffId: String,
  at: Date,
  clock: String,
  deadlineAt: Date,
});

const helpRequestSchema = withOutboxSweepIndex(
  new Schema<HelpRequestRecord>(
    {
      ...AGGREGATE_FIELDS,
      number: String,
      propertyId: String,
      // `type` is mongoose's type key, so this field is declared in the long form.
      type: { type: String },
      category: String,
      channel: String,
      state: String,
      description: String,
      contact: nested({ name: String, phone: String }),
      requesterId: String,
      unitId: String,
      attachments: [String],
      urgent: Boolean,
      paid: Boolean,
      confidential: Boolean,
      complaintSeverity: String,
      complaintTier: String,
      consultationMode: String,
      faultComplexity: String,
      familyMemberPresent: Boolean,
      ownerId: String,
      source: { type: nested({ partnerId: String }), default: null },
      acceptedAt: Date,
      assigneeIds: [String],
      firstReplyDueAt: Date,
      onSiteDueAt: Date,
      dueAt: Date,
      slaRule: String,
      timeZone: String,
      repeatOfId: String,
      repeatOfOwnerId: String,
      escalationLevel: Number,
      clocks: [clock],
      pendingClocks: [nested({ kind: String, limit, rule: String, startsAt: String })],
      slaWakeAt: Date,
      escalation: { type: escalation, default: null },
      breaches: [nested({ key: String, clock: String, dueAt: Date, detectedAt: Date, level: Number })],
      policyVersion: String,
      outcome: String,
      resolvedAt: Date,
      facilityId: String,
      faultId: String,
      confirmation: { type: nested({ kind: String, at: Date }), default: null },
      followUp: {
        type: nested({ result: String, note: String, at: Date, byId: String }),
        default: null,
      },
      referral: {
        type: nested({ department: String, contact: String, residentToldAt: Date }),
        default: null,
      },
      partsNotices: [nested({ message: String, notifiedUnitIds: [String], expectedBy: Date, at: Date })],
      inspections: [nested({ at: Date, inspectorId: String, finding: String, passed: Boolean })],
      timeline: [timelineEntry],
      closedAt: Date,
      register: { type: nested({ year: Number, archivedAt: Date, anonymisedAt: Date }), default: null },
      // What a resident submitting from the app adds (issue 19); absent on other requests.
      preferredVisitAt: Date,
      comments: {
        type: [nested({ at: Date, byId: String, byRole: String, text: String, attachments: [String] })],
        default: undefined,
      },
      withdrawal: { type: nested({ at: Date, byId: String, reason: String }), default: undefined },
      // Front desk and office (issue 19): corrections, complaint tiers, handovers.
      corrections: [
        nested({
          at: Date,
          byId: String,
          byRole: String,
          reason: String,
          changes: [nested({ field: String, from: String, to: String })],
        }),
      ],
      tierChanges: [
        nested({
          at: Date,
          from: String,
          to: String,
          decidedById: String,
          decidedByRole: String,
          reason: String,
        }),
      ],
      currentOwnerId: String,
      handovers: [
        nested({ at: Date, fromId: String, toId: String, byId: String, basis: String, reason: String }),
      ],
      // Issue 19: the technician's arrival, notes and photos, parts, the resident's sign-off.
      fieldWork: {
        type: nested({
          arrivedAt: Date,
          arrivedById: String,
          notes: [nested({ at: Date, byId: String, text: String, photos: [String] })],
          parts: [
            nested({
              at: Date,
              byId: String,
              name: String,
              quantity: Number,
              cost: { type: nested({ amount: Number, currency: String }), default: null },
            }),
          ],
          signOff: {
            type: nested({
              at: Date,
              recordedById: String,
              residentName: String,
              signature: String,
              note: String,
            }),
            default: null,
          },
        }),
        default: undefined,
      },
    },
    { ...MODEL_OPTIONS, collection: 'help_requests' },
  )
    .index({ propertyId: 1, number: 1 }, { unique: true })
    // Lists by property (a staff caller's scope is a propertyId `$in`), with or without states;
    // the front-desk board groups the second by state.
    .index({ propertyId: 1, ...NEWEST_FIRST })
    .index({ propertyId: 1, state: 1, ...NEWEST_FIRST })
    // Overdue (`dueAt < now`, state not clock-stopped): open states are few, past due times many.
    .index({ propertyId: 1, state: 1, dueAt: 1 })
    // The same counts for the property's staff below supervisor, who read its non-confidential
    // requests (their read rule's large part, `readableWithin`): by state, overdue, and in all.
    .index({ propertyId: 1, confidential: 1, state: 1, dueAt: 1 })
    .index({ state: 1, dueAt: 1 })
    // The technician queue: one assignee, the queue's states, soonest due first.
    .index({ assigneeIds: 1, state: 1, dueAt: 1 })
    .index({ ownerId: 1, ...NEWEST_FIRST })
    .index({ requesterId: 1, ...NEWEST_FIRST })
    .index({ unitId: 1, ...NEWEST_FIRST })
    .index({ repeatOfId: 1, createdAt: 1 })
    .index({ repeatOfOwnerId: 1 })
    // A suffix `$regex` cannot bound an index range: MongoDB scans this property's keys and
    // fetches only the matches (see the README for why no reversed-phone field).
    .index({ propertyId: 1, 'contact.phone': 1 })
    // The SLA scheduler: only requests with something that can fall due have a wake-up time.
    .index({ slaWakeAt: 1 }, { sparse: true })
    // The scheduler's confirmation wait: resolved requests by when they were resolved.
    .index({ state: 1, resolvedAt: 1 })
    // "Escalated to me": by person, or by role within the caller's properties.
    .index({ 'escalation.staffId': 1, 'escalation.at': -1 })
    .index({ 'escalation.role': 1, propertyId: 1, 'escalation.at': -1 })
    // The register (seed 002): a year's archived requests by page, and (year null) the finished
    // requests of past years still to archive, oldest first.
    .index({ propertyId: 1, 'register.year': 1, ...NEWEST_FIRST })
    // Front desk and office (issue 19): the search by category, and by who holds a request now.
    .index({ propertyId: 1, category: 1, ...NEWEST_FIRST })
    .index({ currentOwnerId: 1, ...NEWEST_FIRST }),
);

const staffSchema = withOutboxSweepIndex(
  new Schema<StaffRecord>(
    {
      ...AGGREGATE_FIELDS,
      name: String,
      propertyIds: [String],
      roles: [String],
      skills: [String],
      grade: String,
      timeZone: String,
      roster: [nested({ weekday: Number, start: String, end: String })],
      // Issue 19 (absent on staff stored before it): see StaffRecord.
      active: Boolean,
      shiftChanges: {
        type: [nested({ day: String, shifts: [nested({ start: String, end: String })], reason: String })],
        default: undefined,
      },
      leave: { type: [nested({ from: String, to: String, reason: String })], default: undefined },
      history: {
        type: [
          nested({
            at: Date,
            actorId: String,
            actorRole: String,
            field: String,
            from: String,
            to: String,
            reason: String,
          }),
        ],
        default: undefined,
      },
    },
    { ...MODEL_OPTIONS, collection: 'staff' },
  ).index({ propertyIds: 1, name: 1 }),
);

/**
 * The properties projection (from `residents.events`), written only by the `property.created.v1`
 * consumer: read by `_id` at intake, so no secondary index.
 */
const calendarDay = nested({ date: String, name: String });
const propertySchema = new Schema<PropertyRecord>(
  {
    ...AGGREGATE_FIELDS,
    code: String,
    name: String,
    timeZone: String,
    slaPolicies: [
      nested({
        version: String,
        rules: [
          nested({
            clock: String,
            limit,
            startsAt: String,
            description: String,
            when: nested({
              types: [String],
              categories: [String],
              urgent: Boolean,
              complaintSeverity: String,
              consultationMode: String,
              faultComplexity: String,
            }),
          }),
        ],
        createdAt: Date,
        createdById: String,
        effectiveFrom: Date,
        publishedAt: Date,
        publishedById: String,
      }),
    ],
    calendar: nested({
      restWeekdays: [Number],
      holidays: [calendarDay],
      makeUpWorkdays: [calendarDay],
      seededFrom: String,
    }),
    incidentRules: [
      nested({
        group: String,
        categories: [String],
        regularThreshold: Number,
        vipThreshold: Number,
        grade: String,
      }),
    ],
  },
  { ...MODEL_OPTIONS, collection: 'properties' },
);

/**
 * The residents projection (from `residents.events`): read by `_id` at intake (is the requester
 * a VIP), so no secondary index.
 */
const residentSchema = new Schema<ResidentRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    vip: Boolean,
    unitId: String,
    householdId: String,
  },
  { ...MODEL_OPTIONS, collection: 'residents' },
);

/** Units from `unit.created.v1`, read by `_id` only (intake's reference checks). */
const unitSchema = new Schema<UnitRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    buildingId: String,
    number: String,
  },
  { ...MODEL_OPTIONS, collection: 'units' },
);

/** Burst windows, one per property and category (`_id`), read and written by `_id` only. */
const complaintWindowSchema = new Schema<ComplaintWindowRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    category: String,
    complaints: [nested({ helpRequestId: String, at: Date, vip: Boolean })],
    openIncidentId: String,
    raised: Number,
  },
  { ...MODEL_OPTIONS, collection: 'complaint_windows' },
);

const incidentSchema = withOutboxSweepIndex(
  new Schema<IncidentRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      category: String,
      group: String,
      grade: String,
      state: String,
      helpRequestIds: [String],
      complaints: Number,
      vipComplaints: Number,
      raisedById: String,
      deadlineAt: Date,
      escalationLevel: Number,
      escalation: {
        type: nested({ level: Number, role: String, title: String, staffId: String, at: Date }),
        default: null,
      },
      escalationKeys: [String],
      responsibleStaffId: String,
      takenAt: Date,
      report: {
        type: nested({ cause: String, customerExplanation: String, remediation: String }),
        default: null,
      },
      closedAt: Date,
      closedById: String,
    },
    { ...MODEL_OPTIONS, collection: 'incidents' },
  )
    // `incidents(propertyId)`, with or without states.
    .index({ propertyId: 1, ...NEWEST_FIRST })
    .index({ propertyId: 1, state: 1, ...NEWEST_FIRST })
    // `HelpRequest.incident` (multikey).
    .index({ helpRequestIds: 1 })
    // The scheduler: only untaken incidents have a deadline.
    .index({ deadlineAt: 1 }, { sparse: true })
    // "Escalated to me" for incidents: by the person the chain reached, or by role and property.
    .index({ 'escalation.staffId': 1, 'escalation.at': -1 })
    .index({ 'escalation.role': 1, propertyId: 1, 'escalation.at': -1 }),
);

/**
 * A property's register of one year (`_id` `<property>:<year>`): counts, retention, and the batch
 * the job has announced and not yet applied. Read by `_id` and by property.
 */
const registerSchema = withOutboxSweepIndex(
  new Schema<HelpRequestRegisterRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      year: Number,
      timeZone: String,
      retainedUntil: Date,
      archivedCount: Number,
      firstArchivedAt: Date,
      lastArchivedAt: Date,
      anonymisedCount: Number,
      anonymisedAt: Date,
      batches: Number,
      pending: {
        type: nested({ number: Number, kind: String, helpRequestIds: [String], runId: String, at: Date }),
        default: null,
      },
    },
    { ...MODEL_OPTIONS, collection: 'help_request_registers' },
  ).index({ propertyId: 1, year: -1 }),
);

/** What each run of the register job did, newest first. */
const registerRunSchema = new Schema<RegisterRunRecord>(
  {
    ...AGGREGATE_FIELDS,
    at: Date,
    status: String,
    finishedAt: Date,
    archived: Number,
    anonymised: Number,
    resumedBatches: Number,
    registers: [nested({ propertyId: String, year: Number, archived: Number, anonymised: Number })],
    error: String,
  },
  { ...MODEL_OPTIONS, collection: 'register_runs' },
).index({ createdAt: -1, _id: -1 });

/** The SLA reports announced (`sla_report.due.v1`): the unique `_id` per property, kind and period is the once. */
const slaReportDueSchema = withOutboxSweepIndex(
  new Schema<SlaReportDueRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      kind: String,
      periodStart: Date,
      periodEnd: Date,
      dueOn: String,
      dueAt: Date,
    },
    { ...MODEL_OPTIONS, collection: 'sla_report_dues' },
  ),
);

/** Every model of the subgraph, by name: what `createModels` registers and the spec inspects. */
export const WORK_ORDERS_SCHEMAS = {
  HelpRequest: helpRequestSchema,
  Staff: staffSchema,
  Property: propertySchema,
  Resident: residentSchema,
  Unit: unitSchema,
  ComplaintWindow: complaintWindowSchema,
  Incident: incidentSchema,
  HelpRequestRegister: registerSchema,
  RegisterRun: registerRunSchema,
  SlaReportDue: slaReportDueSchema,
} as const;

export interface WorkOrdersModels {
  HelpRequest: Model<HelpRequestRecord>;
  Staff: Model<StaffRecord>;
  Property: Model<PropertyRecord>;
  Resident: Model<ResidentRecord>;
  Unit: Model<UnitRecord>;
  ComplaintWindow: Model<ComplaintWindowRecord>;
  Incident: Model<IncidentRecord>;
  HelpRequestRegister: Model<HelpRequestRegisterRecord>;
  RegisterRun: Model<RegisterRunRecord>;
  SlaReportDue: Model<SlaReportDueRecord>;
}

export const OUTBOX_COLLECTIONS = [
  'help_requests',
  'staff',
  'help_request_registers',
  'sla_report_dues',
  'incidents',
] as const;

/** Registers the models and builds their indexes (a no-op for those that already exist). */
export async function createModels(connection: Connection): Promise<WorkOrdersModels> {
  const models: WorkOrdersModels = {
    HelpRequest: connection.model('HelpRequest', helpRequestSchema),
    Staff: connection.model('Staff', staffSchema),
    Property: connection.model('Property', propertySchema),
    Resident: connection.model('Resident', residentSchema),
    Unit: connection.model('Unit', unitSchema),
    ComplaintWindow: connection.model('ComplaintWindow', complaintWindowSchema),
    Incident: connection.model('Incident', incidentSchema),
    HelpRequestRegister: connection.model('HelpRequestRegister', registerSchema),
    RegisterRun: connection.model('RegisterRun', registerRunSchema),
    SlaReportDue: connection.model('SlaReportDue', slaReportDueSchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
