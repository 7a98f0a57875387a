/** The residents subgraph's records, as stored (one MongoDB document each). */
export type ResidentKind = 'OWNER' | 'TENANT' | 'FAMILY_MEMBER';

interface Record {
  _id: string;
  version: number;
  createdAt: Date;
}

export interface PropertyRecord extends Record {
  code: string;
  name: string;
  address: string;
  timeZone: string;
}

export interface BuildingRecord extends Record {
  propertyId: string;
  name: string;
  floors: number;
}

export interface UnitRecord extends Record {
  propertyId: string;
  buildingId: string;
  number: string;
  floor: number;
  areaSquareMeters: number;
}

export interface ResidentRecord extends Record {
  propertyId: string;
  name: string;
  kind: ResidentKind;
  phone: string;
  idDocumentNumber: string | null;
  vip: boolean;
}

export interface HouseholdMemberRecord {
  residentId: string;
  relation: ResidentKind;
  /** Calendar dates, YYYY-MM-DD, in the property's time zone. */
  movedInOn: string;
  movedOutOn: string | null;
}

export interface HouseholdRecord extends Record {
  propertyId: string;
  unitId: string;
  members: HouseholdMemberRecord[];
}

export type PiiField = 'PHONE' | 'ID_DOCUMENT_NUMBER';

export interface PiiAccessRecord {
  _id: string;
  propertyId: string;
  residentId: string;
  field: PiiField;
  actorId: string;
  actorRole: string;
  requestId: string;
  createdAt: Date;
}
