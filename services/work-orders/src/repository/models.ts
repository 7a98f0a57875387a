import { Schema, type Connection, type Model } from 'mongoose';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';

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

export interface WorkOrdersModels {
  HelpRequest: Model<HelpRequestRecord>;
  Staff: Model<StaffRecord>;
}

export const OUTBOX_COLLECTIONS = ['help_requests', 'staff'] as const;

export async function createModels(connection: Connection): Promise<WorkOrdersModels> {
  const models: WorkOrdersModels = {
    HelpRequest: connection.model('HelpRequest', helpRequestSchema),
    Staff: connection.model('Staff', staffSchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
