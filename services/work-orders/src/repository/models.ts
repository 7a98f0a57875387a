import { Schema, type Connection, type Model } from 'mongoose';
import type { HelpRequestRecord, PropertyRecord, StaffRecord } from '../domain/records.js';

const options = { versionKey: false as const, strict: false as const };

/**
 * Only unique indexes (the local wire server uses no other kind). Nested shapes are validated
 * by the domain before they get here, so the schemas stay loose.
 */
const helpRequestSchema = new Schema<HelpRequestRecord>(
  { _id: String, version: Number, createdAt: Date, propertyId: String, number: String },
  { ...options, collection: 'help_requests' },
).index({ propertyId: 1, number: 1 }, { unique: true });

const staffSchema = new Schema<StaffRecord>(
  { _id: String, version: Number, createdAt: Date, name: String },
  { ...options, collection: 'staff' },
);

/** The properties projection, written only by the `property.created.v1` consumer. */
const propertySchema = new Schema<PropertyRecord>(
  { _id: String, version: Number, createdAt: Date, code: String, timeZone: String },
  { ...options, collection: 'properties' },
);

export interface WorkOrdersModels {
  HelpRequest: Model<HelpRequestRecord>;
  Staff: Model<StaffRecord>;
  Property: Model<PropertyRecord>;
}

export const OUTBOX_COLLECTIONS = ['help_requests', 'staff'] as const;

export async function createModels(connection: Connection): Promise<WorkOrdersModels> {
  const models: WorkOrdersModels = {
    HelpRequest: connection.model('HelpRequest', helpRequestSchema),
    Staff: connection.model('Staff', staffSchema),
    Property: connection.model('Property', propertySchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
