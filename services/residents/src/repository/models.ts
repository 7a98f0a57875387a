/**
 * Model policy (the kernel's `MODEL_OPTIONS`): every schema declares each stored field with its
 * type and is `strict: 'throw'`. Aggregates are written by `AggregateWriter` through the driver
 * and read lean, so for them the schema is the declared stored shape (checked against complete
 * records by models.spec.ts); the PII access log is written through mongoose, so strictness also
 * refuses an undeclared field at write time.
 *
 * Indexes: the unique ones the product needs, plus one per read path (listed with the path it
 * serves in services/residents/README.md; models.spec.ts keeps that table and these in step).
 * List indexes end in `createdAt: -1, _id: -1`, the order `paginate` sorts by, so a page is read
 * off the index instead of sorted in memory. The local wire server accepts but does not use the
 * non-unique ones; MongoDB (docker compose) builds them at start-up through `createIndexes`.
 */
import { AGGREGATE_FIELDS, MODEL_OPTIONS, nested, withOutboxSweepIndex } from '@courtyard/kernel';
import { Schema, type Connection, type Model } from 'mongoose';
import type {
  BuildingRecord,
  HouseholdRecord,
  PiiAccessRecord,
  PropertyRecord,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';

const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;

const propertySchema = withOutboxSweepIndex(
  new Schema<PropertyRecord>(
    { ...AGGREGATE_FIELDS, code: String, name: String, address: String, timeZone: String },
    { ...MODEL_OPTIONS, collection: 'properties' },
  )
    .index({ code: 1 }, { unique: true })
    .index(NEWEST_FIRST),
);

const buildingSchema = withOutboxSweepIndex(
  new Schema<BuildingRecord>(
    { ...AGGREGATE_FIELDS, propertyId: String, name: String, floors: Number },
    { ...MODEL_OPTIONS, collection: 'buildings' },
  )
    .index({ propertyId: 1, name: 1 }, { unique: true })
    .index({ propertyId: 1, ...NEWEST_FIRST }),
);

const unitSchema = withOutboxSweepIndex(
  new Schema<UnitRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      buildingId: String,
      number: String,
      floor: Number,
      areaSquareMeters: Number,
    },
    { ...MODEL_OPTIONS, collection: 'units' },
  )
    .index({ buildingId: 1, number: 1 }, { unique: true })
    .index({ propertyId: 1, ...NEWEST_FIRST })
    .index({ buildingId: 1, ...NEWEST_FIRST }),
);

const residentSchema = withOutboxSweepIndex(
  new Schema<ResidentRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      name: String,
      kind: String,
      phone: String,
      idDocumentNumber: String,
      vip: Boolean,
      preferredContactChannel: String,
      history: [
        nested({
          at: Date,
          actorId: String,
          actorRole: String,
          actorName: String,
          reason: String,
          changes: [nested({ field: String, from: String, to: String })],
        }),
      ],
    },
    { ...MODEL_OPTIONS, collection: 'residents' },
  )
    .index({ propertyId: 1, ...NEWEST_FIRST })
    // A suffix `$regex` cannot bound an index range: MongoDB scans this property's keys and
    // fetches only the matches (see the README for why no reversed-phone field).
    .index({ propertyId: 1, phone: 1 }),
);

const householdSchema = withOutboxSweepIndex(
  new Schema<HouseholdRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      members: [nested({ residentId: String, relation: String, movedInOn: String, movedOutOn: String })],
    },
    { ...MODEL_OPTIONS, collection: 'households' },
  )
    .index({ unitId: 1 }, { unique: true })
    .index({ 'members.residentId': 1 }),
);

const piiAccessSchema = new Schema<PiiAccessRecord>(
  {
    _id: { type: String, required: true },
    propertyId: String,
    residentId: String,
    field: String,
    actorId: String,
    actorRole: String,
    requestId: String,
    createdAt: Date,
  },
  { ...MODEL_OPTIONS, collection: 'pii_access_log' },
).index({ propertyId: 1, ...NEWEST_FIRST });

/** Every model of the subgraph, by name: what `createModels` registers and the spec inspects. */
export const RESIDENTS_SCHEMAS = {
  Property: propertySchema,
  Building: buildingSchema,
  Unit: unitSchema,
  Resident: residentSchema,
  Household: householdSchema,
  PiiAccess: piiAccessSchema,
} as const;

export interface ResidentsModels {
  Property: Model<PropertyRecord>;
  Building: Model<BuildingRecord>;
  Unit: Model<UnitRecord>;
  Resident: Model<ResidentRecord>;
  Household: Model<HouseholdRecord>;
  PiiAccess: Model<PiiAccessRecord>;
}

export const OUTBOX_COLLECTIONS = ['properties', 'buildings', 'units', 'residents', 'households'] as const;

/** Registers the models and builds their indexes (a no-op for those that already exist). */
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
