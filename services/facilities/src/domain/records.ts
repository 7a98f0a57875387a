import type { Criticality, FacilityStatus, FacilityType, FaultComplexity, FaultSource } from './catalogue.js';

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
