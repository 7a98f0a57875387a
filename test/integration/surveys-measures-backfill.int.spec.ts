import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { createModels, type SurveysModels } from '../../services/surveys/src/repository/models.js';
import { MIGRATIONS_COLLECTION } from '@courtyard/kernel';
import {
  backfillSurveyMeasures,
  backfillSurveyMeasuresOnce,
  MEASURES_BACKFILL,
  SUPERSEDED_SURVEY_INDEXES,
} from '../../services/surveys/src/repository/survey-measures.migration.js';

/** A survey as stored before `measures` existed: written straight, without the key. */
const legacy = (id: string, campaignKind: 'SATISFACTION' | 'NEEDS' | null) => ({
  _id: id,
  version: 1,
  createdAt: new Date('2026-06-01T00:00:00Z'),
  propertyId: 'p-legacy',
  purpose: campaignKind === null ? 'POST_SERVICE' : 'GENERAL',
  state: 'COMPLETED',
  openedAt: new Date('2026-06-01T00:00:00Z'),
  response: { channel: 'RESIDENT', answers: [], score: 5, recordedById: null, note: null },
  ...(campaignKind === null ? {} : { campaignId: `c-${campaignKind}`, campaignKind }),
});

describe('surveys: the start-up backfill of `measures` on the real MongoDB-wire server', () => {
  let connection: mongoose.Connection;
  let models: SurveysModels;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `surveys_measures_${randomUUID().slice(0, 8)}` })
      .asPromise();
    models = await createModels(connection);
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('gives each stored survey what it measures (needs for a NEEDS campaign, else satisfaction), drops the superseded indexes, and is a no-op the second time', async () => {
    const surveys = models.Survey.collection;
    await surveys.insertMany([
      legacy('after-service', null),
      legacy('half-yearly', 'SATISFACTION'),
      legacy('december', 'NEEDS'),
      // Opened after the change: already has it, and keeps it.
      { ...legacy('new-needs', 'NEEDS'), measures: 'NEEDS' },
    ] as never[]);
    // An index of the figures as they were, before `measures` led them.
    await surveys.createIndex({ propertyId: 1, 'response.score': 1, openedAt: 1 });

    const first = await backfillSurveyMeasures(models);
    expect(first).toEqual({
      needs: 1,
      satisfaction: 2,
      droppedIndexes: ['propertyId_1_response.score_1_openedAt_1'],
    });
    const measures = Object.fromEntries(
      (await surveys.find({}).toArray()).map((s) => [s._id, (s as { measures?: string }).measures]),
    );
    expect(measures).toEqual({
      'after-service': 'SATISFACTION',
      'half-yearly': 'SATISFACTION',
      december: 'NEEDS',
      'new-needs': 'NEEDS',
    });
    // Versions untouched: a command that read a survey before the backfill still writes it.
    expect(await surveys.countDocuments({ version: 1 })).toBe(4);
    const names = (await surveys.indexes()).map((index) => index.name);
    expect(names.filter((name) => (SUPERSEDED_SURVEY_INDEXES as readonly string[]).includes(name!))).toEqual(
      [],
    );
    expect(names).toContain('measures_1_propertyId_1_response.score_1_openedAt_1');

    // A restart (or a second instance) finds nothing left to do.
    expect(await backfillSurveyMeasures(models)).toEqual({ needs: 0, satisfaction: 0, droppedIndexes: [] });
  });

  it('runs once per database at start-up: a restart finds the marker and scans nothing; a new version runs again', async () => {
    const db = connection.db!;
    const surveys = models.Survey.collection;
    await db.collection(MIGRATIONS_COLLECTION).deleteMany({});
    await surveys.insertOne(legacy('before-first-start', null) as never);

    const first = await backfillSurveyMeasuresOnce(db, models);
    expect(first).toMatchObject({ ran: true, result: { satisfaction: 1 } });
    expect(
      await db.collection(MIGRATIONS_COLLECTION).findOne({ _id: MEASURES_BACKFILL.name } as never),
    ).toMatchObject({ version: MEASURES_BACKFILL.version });

    // Written behind the service's back after the backfill: a restart does not look for it.
    await surveys.insertOne(legacy('written-after', null) as never);
    expect(await backfillSurveyMeasuresOnce(db, models)).toMatchObject({ ran: false });
    expect(await surveys.findOne({ _id: 'written-after' } as never)).not.toHaveProperty('measures');

    // A changed backfill (a higher version) runs once more, then is done again.
    const next = { ...MEASURES_BACKFILL, version: MEASURES_BACKFILL.version + 1 };
    expect(await backfillSurveyMeasuresOnce(db, models, undefined, next)).toMatchObject({
      ran: true,
      result: { satisfaction: 1 },
    });
    expect(await backfillSurveyMeasuresOnce(db, models, undefined, next)).toMatchObject({ ran: false });
  });
});
