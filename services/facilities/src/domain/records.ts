import type {
  Criticality,
  FacilityStatus,
  FacilityType,
  FaultComplexity,
  FaultSource,
  InspectionResult,
  MeterType,
} from './catalogue.js';
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

/**
 * A resident's home at a property, projected from `resident.moved_in.v1` / `.moved_out.v1`
 * (`_id` = `<unitId>:<residentId>`): a resident reports faults in the shared facilities of a
 * property they live at.
 */
export interface ResidencyRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  residentId: string;
  current: boolean;
}

/** One expiry warning sent for a contract: once per contract and lead. */
export interface ExpiryWarningRecord {
  leadDays: number;
  warnedAt: Date;
}

/** A maintenance contract with a service partner (维保合同): what it covers and when. */
export interface ServiceContractRecord {
  _id: string;
  /** The contract's number, unique within the partner (a fire test's evidence cites it). */
  number: string;
  scope: string;
  facilityTypes: FacilityType[];
  /** YYYY-MM-DD, inclusive, in the service's time zone. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive: the last day it is in force. */
  endsOn: string;
  createdAt: Date;
  expiryWarnings: ExpiryWarningRecord[];
}

/** A service partner (维保单位) of a property, with its contracts. */
export interface ServicePartnerRecord extends Aggregate {
  propertyId: string;
  name: string;
  contactPhone: string | null;
  contracts: ServiceContractRecord[];
  /** The first day an expiry warning is due (YYYY-MM-DD), null when none is outstanding: the scheduler's index. */
  nextWarningOn: string | null;
}

export type ReadingKind = 'OPENING' | 'REGULAR' | 'FINAL';

/** One reading of a meter; readings are append-only, monotonic within a series. */
export interface MeterReadingRecord {
  _id: string;
  /** The series: 1 from registration, one more for each recorded replacement. */
  series: number;
  kind: ReadingKind;
  value: number;
  /** The value minus the series' previous reading; null for an opening reading. */
  consumption: number | null;
  readAt: Date;
  readBy: string;
  recordedAt: Date;
}

/** A water, electricity or gas meter of a unit or of the shared areas (水、电、汽表). */
export interface MeterRecord extends Aggregate {
  propertyId: string;
  /** The unit it measures; null for a meter of the shared areas. */
  unitId: string | null;
  facilityId: string | null;
  type: MeterType;
  /** The serial number of the meter installed now. */
  serialNumber: string;
  location: string;
  series: number;
  readings: MeterReadingRecord[];
}

/** One checked item of an inspection round. */
export interface InspectionItemRecord {
  facilityId: string | null;
  item: string;
  result: InspectionResult;
  note: string | null;
  /** The fault a failed item raised (or the open fault it was linked to), if it raised one. */
  faultId: string | null;
  /** True when the failed item was linked to the fault already open on the facility. */
  linked: boolean;
}

/** An inspection round (巡查) of a property: per-item results, as recorded. */
export interface InspectionRecord extends Aggregate {
  propertyId: string;
  round: string;
  inspectedAt: Date;
  inspectorId: string;
  inspectorName: string;
  items: InspectionItemRecord[];
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
