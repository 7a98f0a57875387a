import type { Criticality, FacilityStatus, FacilityType, FaultComplexity, FaultSource } from './catalogue.js';
import type {
  AssigneeKind,
  EvidenceKind,
  MaintenanceTaskStatus,
  RecurrenceKind,
} from './maintenance-catalogue.js';

/** The facilities subgraph's records, as stored (one MongoDB document each). */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

export interface Location {
  propertyId: string;
  buildingId: string | null;
  /** Where on the estate: "Building 3 lobby", "north road". */
  area: string;
}

/** One status change; the history is append-only (`$push`), the last entry is the current status. */
export interface StatusChangeRecord {
  at: Date;
  status: FacilityStatus;
  previousStatus: FacilityStatus | null;
  reason: string;
  actorId: string;
  faultId: string | null;
}

/** A report of a fault: the first opens it, later ones while it is open are linked to it. */
export interface FaultReport {
  at: Date;
  source: FaultSource;
  reportedBy: string;
  description: string;
}

export interface FaultRecord {
  _id: string;
  reportedAt: Date;
  description: string;
  complexity: FaultComplexity;
  source: FaultSource;
  reportedBy: string;
  contactPhone: string | null;
  /** Every report of this fault, the opening one first. */
  reports: FaultReport[];
  /** The status the fault set. */
  status: FacilityStatus;
  closedAt: Date | null;
  /** The work-orders request whose resolution closed it. */
  closedByHelpRequestId: string | null;
}

export interface FacilityRecord extends Aggregate {
  propertyId: string;
  buildingId: string | null;
  area: string;
  name: string;
  type: FacilityType;
  /** Unique within the property. */
  assetTag: string;
  model: string | null;
  maker: string | null;
  installedOn: string | null;
  criticality: Criticality;
  status: FacilityStatus;
  statusHistory: StatusChangeRecord[];
  /** The open fault, if any: a second report while it is open is linked to it. */
  openFault: FaultRecord | null;
  /** Closed faults, oldest first (append-only). */
  closedFaults: FaultRecord[];
}

/** A plan's recurrence: a kind, the RFC 5545 rule it expands to, the local date it starts on. */
export interface RecurrenceRecord {
  kind: RecurrenceKind;
  /** The RRULE the kind stands for (`FREQ=MONTHLY;BYMONTHDAY=1`), or the one given for RRULE. */
  rrule: string;
  /** YYYY-MM-DD in the plan's time zone: the first period starts on or after it. */
  startsOn: string;
}

/**
 * A preventive-maintenance plan (spec §3): for one facility, or for every facility of a type at
 * a property (including those registered later). Periods are counted in the property's zone.
 */
export interface MaintenancePlanRecord extends Aggregate {
  propertyId: string;
  /** Null for a plan per facility type. */
  facilityId: string | null;
  facilityType: FacilityType;
  name: string;
  recurrence: RecurrenceRecord;
  checklist: string[];
  evidence: EvidenceKind[];
  /** The property's IANA zone (from `property.created.v1`). */
  timeZone: string;
  active: boolean;
  /** The default it was created from (`DEFAULT_PLANS`), null for a plan of the property's own. */
  defaultKey: string | null;
  updatedAt: Date;
}

export interface AssigneeRecord {
  kind: AssigneeKind;
  /** A staff id (work-orders' Staff) or a service partner's id; a plain reference. */
  id: string;
  assignedAt: Date;
  assignedBy: string;
}

export interface ChecklistAnswerRecord {
  item: string;
  ok: boolean;
  note: string | null;
}

export interface CompletionRecord {
  completedAt: Date;
  completedBy: string;
  testReportRef: string | null;
  contractNumber: string | null;
  checklist: ChecklistAnswerRecord[];
  notes: string | null;
}

/** One period's task of a plan for one facility; its `_id` is derived from (plan, facility, period). */
export interface MaintenanceTaskRecord extends Aggregate {
  planId: string;
  propertyId: string;
  facilityId: string;
  facilityType: FacilityType;
  name: string;
  /** The period the task covers, [periodStart, periodEnd); it is due at the period's end. */
  periodStart: Date;
  periodEnd: Date;
  dueAt: Date;
  /** What completing it requires, copied from the plan when the task was generated. */
  checklist: string[];
  evidence: EvidenceKind[];
  status: MaintenanceTaskStatus;
  /** When the scheduler found it past due without completion (once). */
  overdueAt: Date | null;
  assignee: AssigneeRecord | null;
  completion: CompletionRecord | null;
}

/** What facilities knows of a property (from `property.created.v1`): the zone plans count in. */
export interface PropertyRecord extends Aggregate {
  code: string;
  name: string;
  timeZone: string;
}
