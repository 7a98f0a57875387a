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
  CallBackRecord,
  CallBackScheduleRecord,
  CampaignRecord,
  HouseholdRecord,
  PublishedResultsRecord,
  ResidentOfPropertyRecord,
  SurveyRecord,
  SurveyTemplateRecord,
  UnitRecord,
} from '../domain/records.js';

const question = nested({
  id: String,
  kind: String,
  text: String,
  required: Boolean,
  options: [String],
  theme: String,
});

const answer = nested({
  questionId: String,
  kind: String,
  score: Number,
  choices: { type: [String], default: undefined },
  text: String,
});

const surveySchema = withOutboxSweepIndex(
  new Schema<SurveyRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      purpose: String,
      measures: String,
      templateId: String,
      templateVersion: Number,
      anonymous: Boolean,
      questions: [question],
      respondentId: { type: String, default: null },
      helpRequestId: { type: String, default: null },
      category: { type: String, default: null },
      ownerId: { type: String, default: null },
      team: { type: String, default: null },
      technicianIds: [String],
      state: String,
      openedAt: Date,
      expiresAt: Date,
      response: {
        type: nested({
          channel: String,
          answers: [answer],
          score: { type: Number, default: null },
          recordedById: { type: String, default: null },
          note: { type: String, default: null },
          at: Date,
        }),
        default: null,
      },
      requestClosedAt: { type: Date, default: null },
      campaignId: { type: String, default: null },
      campaignKind: { type: String, default: null },
      householdId: { type: String, default: null },
      buildingId: { type: String, default: null },
    },
    { ...MODEL_OPTIONS, collection: 'surveys' },
  )
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ respondentId: 1, createdAt: -1, _id: -1 })
    // The satisfaction figures' indexes, `measures` first: every figure counts SATISFACTION only.
    .index({ measures: 1, propertyId: 1, openedAt: 1 })
    .index({ measures: 1, technicianIds: 1, openedAt: 1 })
    .index({ measures: 1, propertyId: 1, 'response.score': 1, openedAt: 1 })
    .index({ measures: 1, propertyId: 1, team: 1, 'response.score': 1, openedAt: 1 })
    .index({ measures: 1, propertyId: 1, category: 1, 'response.score': 1, openedAt: 1 })
    .index({ measures: 1, propertyId: 1, technicianIds: 1, 'response.score': 1, openedAt: 1 })
    .index({ measures: 1, propertyId: 1, team: 1, technicianIds: 1, 'response.score': 1, openedAt: 1 })
    .index({ measures: 1, technicianIds: 1, 'response.score': 1, openedAt: 1 })
    .index({ state: 1, expiresAt: 1 })
    .index({ campaignId: 1 }),
);

const templateSchema = withOutboxSweepIndex(
  new Schema<SurveyTemplateRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: { type: String, default: null },
      name: String,
      purpose: String,
      anonymous: Boolean,
      currentVersion: Number,
      versions: [
        nested({ version: Number, questions: [question], publishedAt: Date, publishedById: String }),
      ],
    },
    { ...MODEL_OPTIONS, collection: 'survey_templates' },
  ).index({ propertyId: 1, purpose: 1, createdAt: -1 }),
);

/** Projected from `property.created.v1`; written by the projection and the scheduler, no events. */
const callBackScheduleSchema = new Schema<CallBackScheduleRecord>(
  {
    ...AGGREGATE_FIELDS,
    name: String,
    handoverAt: Date,
    handoverSource: String,
    nextDueAt: Date,
  },
  { ...MODEL_OPTIONS, collection: 'call_back_schedules' },
).index({ nextDueAt: 1 });

const callBackSchema = withOutboxSweepIndex(
  new Schema<CallBackRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      period: Number,
      cadence: String,
      dueAt: Date,
      handoverAt: Date,
      state: String,
      completion: {
        type: nested({
          at: Date,
          byId: String,
          householdsReached: Number,
          note: { type: String, default: null },
        }),
        default: null,
      },
    },
    { ...MODEL_OPTIONS, collection: 'call_backs' },
  ).index({ propertyId: 1, createdAt: -1, _id: -1 }),
);

const tally = { invited: Number, answered: Number, rate: { type: Number, default: null } };

const campaignSchema = withOutboxSweepIndex(
  new Schema<CampaignRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: { type: String, default: null },
      kind: String,
      name: String,
      templateId: String,
      templateVersion: { type: Number, default: null },
      opensAt: Date,
      closesAt: Date,
      audience: nested({ kind: String, size: Number, share: Number }),
      remindAt: [Date],
      createdById: String,
      state: String,
      startedAt: { type: Date, default: null },
      invitees: [
        nested({
          householdId: String,
          respondentId: String,
          propertyId: String,
          buildingId: { type: String, default: null },
          surveyId: String,
          reminders: { type: [nested({ number: Number, sentAt: Date })], default: undefined },
        }),
      ],
      surveysOpened: Boolean,
      remindersSent: Number,
      closedAt: { type: Date, default: null },
      result: {
        type: nested({
          ...tally,
          byBuilding: [nested({ buildingId: { type: String, default: null }, ...tally })],
        }),
        default: null,
      },
      wakeAt: { type: Date, default: null },
    },
    { ...MODEL_OPTIONS, collection: 'campaigns' },
  )
    .index({ propertyId: 1, createdAt: -1, _id: -1 })
    .index({ wakeAt: 1 }),
);

/** Projected from `resident.moved_in.v1` / `moved_out.v1`; no events. */
const householdSchema = new Schema<HouseholdRecord>(
  {
    ...AGGREGATE_FIELDS,
    propertyId: String,
    unitId: String,
    members: [nested({ residentId: String, relation: String, movedInOn: String })],
  },
  { ...MODEL_OPTIONS, collection: 'households' },
).index({ propertyId: 1 });

/** Projected from `unit.created.v1`; no events. */
const unitSchema = new Schema<UnitRecord>(
  { ...AGGREGATE_FIELDS, propertyId: String, buildingId: String },
  { ...MODEL_OPTIONS, collection: 'units' },
);

const figures = {
  from: Date,
  to: Date,
  surveys: Number,
  responses: Number,
  satisfied: Number,
  satisfactionRate: { type: Number, default: null },
  averageScore: { type: Number, default: null },
  responseRate: { type: Number, default: null },
  target: Number,
  meetsTarget: { type: Boolean, default: null },
  gapToTarget: { type: Number, default: null },
  minimumSample: Number,
  significant: Boolean,
};

/** Published to residents once per property and period (`satisfaction_results.published.v1`). */
const publishedResultsSchema = withOutboxSweepIndex(
  new Schema<PublishedResultsRecord>(
    {
      ...AGGREGATE_FIELDS,
      propertyId: String,
      periodKind: String,
      periodLabel: String,
      overall: nested(figures),
      byCategory: [nested({ key: String, ...figures })],
      byTeam: [nested({ key: String, ...figures })],
      publishedAt: Date,
      publishedById: String,
    },
    { ...MODEL_OPTIONS, collection: 'satisfaction_results' },
  ).index({ propertyId: 1, publishedAt: -1 }),
);

/** Projected from `resident.registered.v1`: who may read a property's published results. */
const residentOfPropertySchema = new Schema<ResidentOfPropertyRecord>(
  { ...AGGREGATE_FIELDS, propertyId: String },
  { ...MODEL_OPTIONS, collection: 'residents' },
);

/** Every model of the subgraph, by name: what `createModels` registers and the spec inspects. */
export const SURVEYS_SCHEMAS = {
  Survey: surveySchema,
  SurveyTemplate: templateSchema,
  CallBackSchedule: callBackScheduleSchema,
  CallBack: callBackSchema,
  Campaign: campaignSchema,
  Household: householdSchema,
  Unit: unitSchema,
  PublishedResults: publishedResultsSchema,
  ResidentOfProperty: residentOfPropertySchema,
} as const;

export interface SurveysModels {
  Survey: Model<SurveyRecord>;
  SurveyTemplate: Model<SurveyTemplateRecord>;
  CallBackSchedule: Model<CallBackScheduleRecord>;
  CallBack: Model<CallBackRecord>;
  Campaign: Model<CampaignRecord>;
  Household: Model<HouseholdRecord>;
  Unit: Model<UnitRecord>;
  PublishedResults: Model<PublishedResultsRecord>;
  ResidentOfProperty: Model<ResidentOfPropertyRecord>;
}

export const OUTBOX_COLLECTIONS = [
  'surveys',
  'survey_templates',
  'call_backs',
  'campaigns',
  'satisfaction_results',
] as const;

/** Registers the models and builds their indexes (a no-op for those that already exist). */
export async function createModels(connection: Connection): Promise<SurveysModels> {
  const models: SurveysModels = {
    Survey: connection.model('Survey', surveySchema),
    SurveyTemplate: connection.model('SurveyTemplate', templateSchema),
    CallBackSchedule: connection.model('CallBackSchedule', callBackScheduleSchema),
    CallBack: connection.model('CallBack', callBackSchema),
    Campaign: connection.model('Campaign', campaignSchema),
    Household: connection.model('Household', householdSchema),
    Unit: connection.model('Unit', unitSchema),
    PublishedResults: connection.model('PublishedResults', publishedResultsSchema),
    ResidentOfProperty: connection.model('ResidentOfProperty', residentOfPropertySchema),
  };
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.createIndexes()));
  return models;
}
