/** The facilities subgraph's records, as stored (one MongoDB document each). */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

export interface FacilityRecord extends Aggregate {
  propertyId: string;
  name: string;
}
