import type {
  Criticality,
  FacilityStatus,
  FacilityType,
  FaultComplexity,
  FaultSource,
  InspectionResult,
  MeterType,
} from './catalogue.js';

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
