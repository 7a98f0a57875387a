/**
 * Model policy (the kernel's `MODEL_OPTIONS`, services/README.md): every schema declares each
 * stored field with its type and is `strict: 'throw'`; aggregates are written by the
 * `AggregateWriter` through the driver and read lean, so the schema is the declared stored shape
 * and models.spec.ts proves it against a complete record. Indexes: one per read path, listed in
 * this service's README (models.spec.ts keeps the table and these in step).
 */
import { AGGREGATE_FIELDS, MODEL_OPTIONS, nested, withOutboxSweepIndex } from '@courtyard/kernel';
import { Schema, type Connection, type Model } from 'mongoose';
import type {
  FacilityRecord,
  InspectionRecord,
  MeterRecord,
  ResidencyRecord,
  ServicePartnerRecord,
  MaintenancePlanRecord,
  MaintenanceTaskRecord,
  PropertyRecord,
} from '../domain/records.js';

const statusChange = nested({
  at: Date,
  status: String,
  previousStatus: String,
  reason: String,
  actorId: String,
  faultId: String,
});
const faultReport = nested({ at: Date, source: String, reportedBy: String, description: String });
const fault = nested({
  _id: String,
  reportedAt: Date,
  description: String,
  complexity: String,
  source: String,
  reportedBy: String,
  contactPhone: String,
  reports: [faultReport],
  status: String,
  closedAt: Date,
  closedByHelpRequestId: String,
});

const facilitySchema = withOutboxSweepIndex(
  new Schema<FacilityRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      buildingId: String,
      area: String,
      name: String,
      type: String,
      assetTag: String,
      model: String,
      maker: String,
      installedOn: String,
      criticality: String,
      status: String,
      statusHistory: [statusChange],
      openFault: { type: fault, default: null },
      closedFaults: [fault],
    },
    { ...MODEL_OPTIONS, collection: 'facilities' },
  )
    .index({ propertyId: 1, assetTag: 1 }, { unique: true })
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, type: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, status: 1, createdAt: -1, _id: -1 }),
);

/** Residents' homes (from `resident.moved_in/out.v1`), `_id` = `<unitId>:<residentId>`. */
const residencySchema = new Schema<ResidencyRecord>(
  { ...AGGREGATE_FIELDS, propertyId: String, unitId: String, residentId: String, current: Boolean },
  { ...MODEL_OPTIONS, collection: 'residencies' },
).index({ residentId: 1, propertyId: 1, current: 1 });

const contract = nested({
  _id: String,
  number: String,
  scope: String,
  facilityTypes: [String],
  startsOn: String,
  endsOn: String,
  createdAt: Date,
  expiryWarnings: [nested({ leadDays: Number, warnedAt: Date })],
});

const servicePartnerSchema = withOutboxSweepIndex(
  new Schema<ServicePartnerRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      name: String,
      contactPhone: String,
      contracts: [contract],
      nextWarningOn: String,
    },
    { ...MODEL_OPTIONS, collection: 'service_partners' },
  )
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ nextWarningOn: 1 }),
);

const meterReading = nested({
  _id: String,
  series: Number,
  kind: String,
  value: Number,
  consumption: Number,
  readAt: Date,
  readBy: String,
  recordedAt: Date,
});

const meterSchema = withOutboxSweepIndex(
  new Schema<MeterRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      unitId: String,
      facilityId: String,
      type: String,
      serialNumber: String,
      location: String,
      series: Number,
      readings: [meterReading],
    },
    { ...MODEL_OPTIONS, collection: 'meters' },
  )
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, type: 1, createdAt: -1, _id: -1 }),
);

const inspectionItem = nested({
  facilityId: String,
  item: String,
  result: String,
  note: String,
  faultId: String,
  linked: Boolean,
});

const inspectionSchema = new Schema<InspectionRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    round: String,
    inspectedAt: Date,
    inspectorId: String,
    inspectorName: String,
    items: [inspectionItem],
  },
  { ...MODEL_OPTIONS, collection: 'inspections' },
).index({ propertyId: 1, createdAt: -1, _id: -1 });
const recurrence = nested({ kind: String, rrule: String, startsOn: String });

const maintenancePlanSchema = new Schema<MaintenancePlanRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    facilityId: String,
    facilityType: String,
    name: String,
    recurrence: { type: recurrence },
    checklist: [String],
    evidence: [String],
    timeZone: String,
    active: Boolean,
    defaultKey: String,
    updatedAt: Date,
  },
  { ...MODEL_OPTIONS, collection: 'maintenance_plans' },
)
  .index({ propertyId: 1, createdAt: -1, _id: -1 })
  .index({ propertyId: 1, facilityType: 1, createdAt: -1, _id: -1 })
  .index({ active: 1, _id: 1 });

const assignee = nested({ kind: String, id: String, assignedAt: Date, assignedBy: String });
const checklistAnswer = nested({ item: String, ok: Boolean, note: String });
const completion = nested({
  completedAt: Date,
  completedBy: String,
  testReportRef: String,
  contractNumber: String,
  checklist: [checklistAnswer],
  notes: String,
});

const maintenanceTaskSchema = withOutboxSweepIndex(
  new Schema<MaintenanceTaskRecord>(
    {
      ...AGGREGATE_FIELDS,
      planId: String,
      propertyId: String,
      facilityId: String,
      facilityType: String,
      name: String,
      periodStart: Date,
      periodEnd: Date,
      dueAt: Date,
      checklist: [String],
      evidence: [String],
      status: String,
      overdueAt: Date,
      assignee: { type: assignee, default: null },
      completion: { type: completion, default: null },
    },
    { ...MODEL_OPTIONS, collection: 'maintenance_tasks' },
  )
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ propertyId: 1, status: 1, createdAt: -1, _id: -1 })
    .index({ facilityId: 1, createdAt: -1, _id: -1 })
    .index({ status: 1, dueAt: 1 }),
);

const propertySchema = new Schema<PropertyRecord>(
  { ...AGGREGATE_FIELDS, code: String, name: String, timeZone: String },
  { ...MODEL_OPTIONS, collection: 'properties' },
);

/** Every model of the subgraph, by name: what `createModels` registers and the spec inspects. */
export const FACILITIES_SCHEMAS = {
  Facility: facilitySchema,
  Residency: residencySchema,
  ServicePartner: servicePartnerSchema,
  Meter: meterSchema,
  Inspection: inspectionSchema,
  MaintenancePlan: maintenancePlanSchema,
  MaintenanceTask: maintenanceTaskSchema,
  Property: propertySchema,
} as const;

export interface FacilitiesModels {
  Facility: Model<FacilityRecord>;
  Residency: Model<ResidencyRecord>;
  ServicePartner: Model<ServicePartnerRecord>;
  Meter: Model<MeterRecord>;
  Inspection: Model<InspectionRecord>;
  MaintenancePlan: Model<MaintenancePlanRecord>;
  MaintenanceTask: Model<MaintenanceTaskRecord>;
  Property: Model<PropertyRecord>;
}

export const OUTBOX_COLLECTIONS = ['facilities', 'service_partners', 'meters', 'maintenance_tasks'] as const;

/** Registers the models and builds their indexes (a no-op for those that already exist). */
export async function createModels(connection: Connection): Promise<FacilitiesModels> {
  const models: FacilitiesModels = {
    Facility: connection.model('Facility', facilitySchema),
    Residency: connection.model('Residency', residencySchema),
    ServicePartner: connection.model('ServicePartner', servicePartnerSchema),
    Meter: connection.model('Meter', meterSchema),
    Inspection: connection.model('Inspection', inspectionSchema),
    MaintenancePlan: connection.model('MaintenancePlan', maintenancePlanSchema),
    MaintenanceTask: connection.model('MaintenanceTask', maintenanceTaskSchema),
    Property: connection.model('Property', propertySchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
