import type { Role } from '@courtyard/kernel/domain';
import type { Category, Channel, Grade, HelpRequestType, Skill } from './catalogue.js';
import type { ClockRecord, PendingClock } from './clocks.js';
import type { DueTimes } from './sla.js';
import type { ClockKind, SlaRule } from './sla-policy.js';
import type { IncidentGrade, IncidentRuleRecord } from './incident-rules.js';
import type { HelpRequestState } from './transitions.js';

/** The work-orders subgraph's records, as stored (one MongoDB document each). */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

/**
 * Versioned SLA policies per property (seed 001-S): a version below 1.0 is a draft and never in
 * force; a version of 1.0 or more is in force once published, from the time stated when it was
 * published, until a later one takes over. A request keeps the version in force at its intake.
 */
export interface SlaPolicyRecord {
  /** `major.minor`; below 1.0 a draft. */
  version: string;
  rules: SlaRule[];
  createdAt: Date;
  createdById: string;
  /** In force from (null while unpublished). */
  effectiveFrom: Date | null;
  publishedAt: Date | null;
  publishedById: string | null;
}

/** A dated exception of a property's calendar, with its name (国庆节, 国庆节调休). */
export interface CalendarDay {
  date: string;
  name: string;
}

/** What an administrator maintains (seeded from the holiday library for properties in China). */
export interface CalendarRecord {
  restWeekdays: number[];
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
  /** Where the dated entries came from at seeding (`chinese-days@1.5.7`), null if none. */
  seededFrom: string | null;
}

/** A property as the residents subgraph announced it (`property.created.v1`); `_id` is its id. */
export interface PropertyRecord extends Aggregate {
  code: string;
  name: string;
  /** IANA zone: the numbering year and the working-day calendar of its requests. */
  timeZone: string;
  /**
   * The property's SLA policy versions (seeded with the default 1.0 when work-orders learns of
   * it). Absent on properties projected before issue 18: spec §2's table applies.
   */
  slaPolicies?: SlaPolicyRecord[];
  /** Its working-day calendar (absent before issue 18: Saturday and Sunday off, no holidays). */
  calendar?: CalendarRecord;
  /** Its burst-detection groups and thresholds (absent: seed 001-G's defaults, `incident-rules.ts`). */
  incidentRules?: IncidentRuleRecord[];
}

/** A weekly shift in the staff member's time zone; an end at or before the start runs overnight. */
export interface Shift {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export interface StaffRecord extends Aggregate {
  name: string;
  propertyIds: string[];
  roles: Role[];
  skills: Skill[];
  grade: Grade;
  timeZone: string;
  roster: Shift[];
  /** Issue 19; absent on staff stored before it: active, no changes, no leave, no history. */
  active?: boolean;
  shiftChanges?: ShiftChange[];
  leave?: Leave[];
  history?: StaffChange[];
}

/** A one-off change of one local day's shifts (a swap, an extra shift; none: a day off). */
export interface ShiftChange {
  day: string;
  shifts: Array<{ start: string; end: string }>;
  reason: string;
}

/** Leave over local days, both inclusive. */
export interface Leave {
  from: string;
  to: string;
  reason: string;
}

/** One change of a staff record: who, when, what from and to (as JSON text), why. */
export interface StaffChange {
  at: Date;
  actorId: string;
  actorRole: string;
  field: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface TimelineEntryRecord {
  at: Date;
  actorId: string;
  actorRole: string;
  from: HelpRequestState | null;
  to: HelpRequestState;
  note: string | null;
}

/** Where a request came from when no staff member recorded it. */
export interface HelpRequestSource {
  /** The partner, as `schema/partners.json` names it (`city-hotline`). */
  partnerId: string;
}

export interface Contact {
  name: string;
  phone: string;
}

export interface Referral {
  department: string;
  contact: string | null;
  residentToldAt: Date;
}

export interface PartsNotice {
  message: string;
  notifiedUnitIds: string[];
  expectedBy: Date | null;
  at: Date;
}

export type ConfirmationKind = 'CONFIRMED' | 'NO_RESPONSE';
export type FollowUpResult = 'SATISFIED' | 'UNSATISFIED';

export interface Inspection {
  at: Date;
  inspectorId: string;
  finding: string;
  passed: boolean;
}

/** Where an escalation put the request: the level, the role (and person) now responsible, until when. */
export interface EscalationRecord {
  level: number;
  /** A level of the chain (front desk, supervisor, director, general manager). */
  role: 'FRONT_DESK' | 'SERVICE_SUPERVISOR' | 'OFFICE_DIRECTOR' | 'GENERAL_MANAGER';
  /** The level's name in this company's words (configuration: 总服务台, 服务处主管, …). */
  title: string;
  /** The person of that role on duty when it arrived (null: the role's queue, nobody on duty). */
  staffId: string | null;
  at: Date;
  /** The clock whose breach brought it here (null for a manual escalation). */
  clock: ClockKind | null;
  /** If that clock is still running then, the scheduler escalates one level further. */
  deadlineAt: Date | null;
}

/** A clock found past due by the scheduler, once per clock and level (`key`). */
export interface BreachRecord {
  key: string;
  clock: ClockKind;
  dueAt: Date;
  detectedAt: Date;
  level: number;
}

export interface HelpRequestRecord extends Aggregate, Pick<DueTimes, 'firstReplyDueAt' | 'onSiteDueAt'> {
  number: string;
  propertyId: string;
  /** The property's zone at intake: the calendar its SLA limits are counted on. */
  timeZone: string;
  type: HelpRequestType;
  category: Category;
  channel: Channel;
  state: HelpRequestState;
  description: string;
  contact: Contact;
  requesterId: string | null;
  unitId: string | null;
  attachments: string[];
  urgent: boolean;
  paid: boolean;
  confidential: boolean;
  complaintSeverity: 'GENERAL' | 'SERIOUS' | null;
  complaintTier: 'COMPLAINT' | 'ESCALATED' | 'APPEAL' | null;
  consultationMode: 'WRITTEN' | 'ORAL' | null;
  faultComplexity: 'GENERAL' | 'COMPLEX' | null;
  familyMemberPresent: boolean | null;
  /**
   * First-contact owner (首问制): set at intake, never changed after. Null while a request a
   * partner recorded or a resident submitted from the app waits in `RECEIVED` for the staff
   * member who accepts it (`acceptHelpRequest`, or the first staff member who moves it on): that
   * one becomes its owner for life (`domain/ownership.ts`).
   */
  ownerId: string | null;
  /** A request a partner recorded (the city hotline): which partner. Absent or null otherwise. */
  source?: HelpRequestSource | null;
  /** When the staff member who owns an unowned request accepted it (absent or null otherwise). */
  acceptedAt?: Date | null;
  assigneeIds: string[];
  /** When the assigned work is due (never later than the SLA resolution limit). */
  dueAt: Date;
  slaRule: string;
  repeatOfId: string | null;
  /** The owner of the request this one repeats: repeat calls count against them. */
  repeatOfOwnerId: string | null;
  escalationLevel: number;
  /** The SLA clocks (spec §2's table, from the policy version in force at intake). */
  clocks: ClockRecord[];
  /** Clocks that start at the arrival on site (a complaint's feedback). */
  pendingClocks: PendingClock[];
  /** When the scheduler must look at this request next (indexed; null: nothing can fall due). */
  slaWakeAt: Date | null;
  escalation: EscalationRecord | null;
  breaches: BreachRecord[];
  /** The SLA policy version in force at intake: the request keeps it for its whole life. */
  policyVersion: string;
  outcome: string | null;
  resolvedAt: Date | null;
  confirmation: { kind: ConfirmationKind; at: Date } | null;
  followUp: { result: FollowUpResult; note: string | null; at: Date; byId: string } | null;
  referral: Referral | null;
  partsNotices: PartsNotice[];
  inspections: Inspection[];
  timeline: TimelineEntryRecord[];
  closedAt: Date | null;
  /**
   * A repair opened from a fault in the facilities subgraph (`facility.fault_reported.v1`): the
   * facility and the fault; null otherwise. Absent on requests stored before issue 20: read as null.
   */
  facilityId: string | null;
  faultId: string | null;
  /**
   * The year's register this request was archived into (seed 002): read-only from then on.
   * Absent (or null) until it is archived.
   */
  register?: RegisterEntry | null;
  /** The visit time the resident asked for, when they submitted it from the app (absent or null otherwise). */
  preferredVisitAt?: Date | null;
  /** What the resident added to their open request (comments, photos), oldest first; absent: none. */
  comments?: CommentRecord[];
  /** Set when the resident withdrew the request before work started (it is then `CLOSED`). */
  withdrawal?: WithdrawalRecord | null;
  /** Front desk and office (issue 19): corrections after intake, oldest first (absent: none). */
  corrections?: CorrectionRecord[];
  /** A complaint's moves up its tiers (seed 003: complaint → escalated → appeal), oldest first. */
  tierChanges?: TierChangeRecord[];
  /** Who answers for it now after a handover (seed 004 首问制); absent or null: the owner still does. */
  currentOwnerId?: string | null;
  /** Every handover of the request, oldest first (never silent). */
  handovers?: HandoverRecord[];
  /** The technician's record of the visit (issue 19); absent on requests stored before it. */
  fieldWork?: FieldWork;
}

/** A comment or photo the resident added to their open request. */
export interface CommentRecord {
  at: Date;
  byId: string;
  byRole: string;
  text: string | null;
  attachments: string[];
}

/** The resident took the request back before the work started (recorded, never deleted). */
export interface WithdrawalRecord {
  at: Date;
  byId: string;
  reason: string | null;
}

/** One field a correction changed: values as text (enums, booleans, attachment counts). */
export interface CorrectedField {
  field: string;
  from: string | null;
  to: string | null;
}

/** A correction of what intake recorded, with its reason (also on the timeline). */
export interface CorrectionRecord {
  at: Date;
  byId: string;
  byRole: string;
  reason: string;
  changes: CorrectedField[];
}

export type ComplaintTier = 'COMPLAINT' | 'ESCALATED' | 'APPEAL';

/** A complaint moved one tier up: who decided and why. */
export interface TierChangeRecord {
  at: Date;
  from: ComplaintTier;
  to: ComplaintTier;
  decidedById: string;
  decidedByRole: string;
  reason: string;
}

/** Seed 004 M 二.4: to the leader in charge, or, the leader being absent, a colleague in charge of the matter. */
export type HandoverBasis = 'LEADER' | 'DELEGATE_LEADER_ABSENT';

export interface HandoverRecord {
  at: Date;
  fromId: string;
  toId: string;
  byId: string;
  basis: HandoverBasis;
  reason: string;
}

/** What the people doing the work recorded on site: arrival, notes and photos, parts, sign-off. */
export interface FieldWork {
  /** The first arrival on site (null until then). */
  arrivedAt: Date | null;
  arrivedById: string | null;
  notes: WorkNote[];
  parts: PartUsed[];
  signOff: SignOff | null;
}

export interface WorkNote {
  at: Date;
  byId: string;
  text: string;
  photos: string[];
}

export interface PartUsed {
  at: Date;
  byId: string;
  name: string;
  quantity: number;
  /** Integer minor units (fen) and an ISO 4217 code; null when not priced. */
  cost: { amount: number; currency: string } | null;
}

/** The resident's sign-off at resolution: their name, and a signature attachment or their confirmation. */
export interface SignOff {
  at: Date;
  recordedById: string;
  residentName: string;
  /** A link to the signature image (an attachment reference); null when they confirmed without signing. */
  signature: string | null;
  note: string | null;
}

/** Where an archived request is kept. */
export interface RegisterEntry {
  year: number;
  archivedAt: Date;
  /** When its personal data was removed, after the register's retention (null until then). */
  anonymisedAt: Date | null;
}

/** One batch of a register job: written to the register first, then applied to each request. */
export interface RegisterBatch {
  /** 1, 2, … within the register. */
  number: number;
  kind: 'ARCHIVE' | 'ANONYMISE';
  helpRequestIds: string[];
  /** The job run that planned it. */
  runId: string;
  at: Date;
}

/** A property's help-request register for one year (《住户求助登记表》, seed 002); `_id` is `<property>:<year>`. */
export interface HelpRequestRegisterRecord extends Aggregate {
  propertyId: string;
  year: number;
  timeZone: string;
  /** Start of `year + 3` in the property's zone: kept two years after archiving, then anonymised. */
  retainedUntil: Date;
  archivedCount: number;
  firstArchivedAt: Date | null;
  lastArchivedAt: Date | null;
  anonymisedCount: number;
  anonymisedAt: Date | null;
  /** Batches completed so far. */
  batches: number;
  /** The batch planned and announced, not yet applied to all its requests (a run stopped half-way). */
  pending: RegisterBatch | null;
}

/** What one run of the register job did (readable through the API). */
export interface RegisterRunRecord extends Aggregate {
  /** The run's clock (injected): what it counted as now. */
  at: Date;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  finishedAt: Date | null;
  archived: number;
  anonymised: number;
  /** Batches an earlier, interrupted run had planned and this one finished. */
  resumedBatches: number;
  registers: Array<{ propertyId: string; year: number; archived: number; anonymised: number }>;
  error: string | null;
}

/** A periodic SLA report that fell due, announced once (`sla_report.due.v1`); `_id` per property, kind, period. */
export interface SlaReportDueRecord extends Aggregate {
  propertyId: string;
  kind: 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';
  periodStart: Date;
  periodEnd: Date;
  dueOn: string;
  dueAt: Date;
}

/**
 * A resident as the residents subgraph announced them (`resident.registered.v1`, moves in and
 * out): whether they are a VIP (seed 001-G's thresholds) and where they live now. `_id` is theirs.
 */
export interface ResidentRecord extends Aggregate {
  propertyId: string;
  vip: boolean;
  /** The unit and household they live in now (null before a move-in and after a move-out). */
  unitId: string | null;
  householdId: string | null;
}

/** A unit as the residents subgraph announced it (`unit.created.v1`): intake checks references against it. */
export interface UnitRecord extends Aggregate {
  propertyId: string;
  buildingId: string;
  number: string;
}

/** One complaint counted in a burst window. */
export interface WindowComplaint {
  helpRequestId: string;
  at: Date;
  vip: boolean;
}

/**
 * The sliding 30-minute window of one property's complaints in one category (seed 001-G): `_id`
 * is `<propertyId>:<category>`, so every intake of that category meets on one document and its
 * version, the one place concurrent intakes decide whether the threshold is crossed.
 */
export interface ComplaintWindowRecord extends Aggregate {
  propertyId: string;
  category: Category;
  /** Complaints within the window not yet part of an incident, oldest first. */
  complaints: WindowComplaint[];
  /** The incident later complaints link to while it is open. */
  openIncidentId: string | null;
  /** Incidents raised from this window so far: the next one's id derives from it. */
  raised: number;
}

export type IncidentState = 'RAISED' | 'ESCALATED' | 'TAKEN' | 'CLOSED';

/** The report an incident is closed with (seed 001-G: cause, 解释口径, 处理方案). */
export interface IncidentReport {
  cause: string;
  customerExplanation: string;
  remediation: string;
}

/** Where an untaken incident stands on the escalation chain. */
export interface IncidentEscalationRecord {
  level: number;
  role: EscalationRecord['role'];
  title: string;
  staffId: string | null;
  at: Date;
}

/** A burst of same-category complaints at a property (seed 001-G), from raising to its report. */
export interface IncidentRecord extends Aggregate {
  propertyId: string;
  category: Category;
  /** The category group whose thresholds applied. */
  group: string;
  grade: IncidentGrade;
  state: IncidentState;
  /** Every linked request: those that triggered it, then later complaints, in order. */
  helpRequestIds: string[];
  /** How many complaints (and VIP ones) were in the window when it was raised. */
  complaints: number;
  vipComplaints: number;
  raisedById: string;
  /** Until when the current level must take it (null once taken, closed, or at the top). */
  deadlineAt: Date | null;
  escalationLevel: number;
  escalation: IncidentEscalationRecord | null;
  /** One key per incident and level: the scheduler escalates a level once, whoever finds it. */
  escalationKeys: string[];
  responsibleStaffId: string | null;
  takenAt: Date | null;
  report: IncidentReport | null;
  closedAt: Date | null;
  closedById: string | null;
}
