import type { Role } from '@courtyard/kernel/domain';
import type { Category, Channel, Grade, HelpRequestType, Skill } from './catalogue.js';
import type { DueTimes } from './sla.js';
import type { HelpRequestState } from './transitions.js';

/** The work-orders subgraph's records, as stored (one MongoDB document each). */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

/** A property as the residents subgraph announced it (`property.created.v1`); `_id` is its id. */
export interface PropertyRecord extends Aggregate {
  code: string;
  name: string;
  /** IANA zone: the numbering year and the working-day calendar of its requests. */
  timeZone: string;
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
}

export interface TimelineEntryRecord {
  at: Date;
  actorId: string;
  actorRole: string;
  from: HelpRequestState | null;
  to: HelpRequestState;
  note: string | null;
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
  /** First-contact owner (首问制): set at intake, never changed. */
  ownerId: string;
  assigneeIds: string[];
  /** When the assigned work is due (never later than the SLA resolution limit). */
  dueAt: Date;
  slaRule: string;
  repeatOfId: string | null;
  /** The owner of the request this one repeats: repeat calls count against them. */
  repeatOfOwnerId: string | null;
  escalationLevel: number;
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
}
