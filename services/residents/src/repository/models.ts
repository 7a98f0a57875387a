import { Schema, type Connection, type Model } from 'mongoose';
import type {
  BuildingRecord,
  HouseholdRecord,
  PiiAccessRecord,
  PropertyRecord,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';

const outbox = { type: [Schema.Types.Mixed], default: [] };
const base = {
  _id: { type: String, required: true },
  version: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  outbox,
};
const options = { versionKey: false as const, strict: 'throw' as const };

/**
 * Only unique indexes: the local wire server uses an index only when a filter's keys equal a
 * unique index's keys, and these are exactly the keys the product needs to be unique.
 */
const propertySchema = new Schema<PropertyRecord>(
  { ...base, code: String, name: String, address: String, timeZone: String },
  { ...options, collection: 'properties' },
).index({ code: 1 }, { unique: true });

const buildingSchema = new Schema<BuildingRecord>(
  { ...base, propertyId: String, name: String, floors: Number },
  { ...options, collection: 'buildings' },
).index({ propertyId: 1, name: 1 }, { unique: true });

const unitSchema = new Schema<UnitRecord>(
  {
    ...base,
    propertyId: String,
    buildingId: String,
    number: String,
    floor: Number,
    areaSquareMeters: Number,
  },
  { ...options, collection: 'units' },
).index({ buildingId: 1, number: 1 }, { unique: true });

const residentSchema = new Schema<ResidentRecord>(
  {
    ...base,
    propertyId: String,
    name: String,
    kind: String,
    phone: String,
    idDocumentNumber: String,
    vip: Boolean,
  },
  { ...options, collection: 'residents' },
);

const householdSchema = new Schema<HouseholdRecord>(
  {
    ...base,
    propertyId: String,
    unitId: String,
    members: [{ _id: false, residentId: String, relation: String, movedInOn: String, movedOutOn: String }],
  },
  { ...options, collection: 'households' },
).index({ unitId: 1 }, { unique: true });

const piiAccessSchema = new Schema<PiiAccessRecord>(
  {
    _id: String,
    propertyId: String,
    residentId: String,
    field: String,
    actorId: String,
    actorRole: String,
    requestId: String,
    createdAt: Date,
  },
  { ...options, collection: 'pii_access_log' },
);

export interface ResidentsModels {
  Property: Model<PropertyRecord>;
  Building: Model<BuildingRecord>;
  Unit: Model<UnitRecord>;
  Resident: Model<ResidentRecord>;
  Household: Model<HouseholdRecord>;
  PiiAccess: Model<PiiAccessRecord>;
}

export const OUTBOX_COLLECTIONS = ['properties', 'buildings', 'units', 'residents', 'households'] as const;

export async function createModels(connection: Connection): Promise<ResidentsModels> {
  const models: ResidentsModels = {
    Property: connection.model('Property', propertySchema),
    Building: connection.model('Building', buildingSchema),
    Unit: connection.model('Unit', unitSchema),
    Resident: connection.model('Resident', residentSchema),
    Household: connection.model('Household', householdSchema),
    PiiAccess: connection.model('PiiAccess', piiAccessSchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
