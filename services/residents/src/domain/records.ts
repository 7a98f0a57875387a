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
  /** How the resident prefers to be contacted; absent on residents recorded before it existed. */
  preferredContactChannel?: ContactChannel | null;
  /** Every change after registration, oldest first, append-only (seed 003: the archive kept current). */
  history?: ResidentChangeRecord[];
}

/** The channels a resident may prefer (seed 003 §C 一.7: WeChat one-to-one besides the phone). */
export type ContactChannel = 'PHONE' | 'SMS' | 'WECHAT' | 'APP';

/** The fields of a resident that a change may touch, as events and the history name them. */
export type ResidentField =
  'name' | 'kind' | 'phone' | 'idDocumentNumber' | 'vip' | 'preferredContactChannel';

/** One field's change, in text: `vip` as `true`/`false`, null for a value not set. Stored unmasked. */
export interface ResidentFieldChangeRecord {
  field: ResidentField;
  from: string | null;
  to: string | null;
}

/** One change of a resident's record: who made it (the named custodian), when, what, and why. */
export interface ResidentChangeRecord {
  at: Date;
  actorId: string;
  actorRole: string;
  actorName: string | null;
  reason: string | null;
  changes: ResidentFieldChangeRecord[];
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
