import { runMigrationOnce, type Logger, type MigrationRun } from '@courtyard/kernel';
import type { mongo } from 'mongoose';
import type { SurveysModels } from './models.js';

/**
 * The satisfaction figures' indexes before `measures` led them: superseded by the
 * `{ measures: 1, … }` ones models.ts builds, and dropped so that a survey write no longer keeps
 * eight extra index entries that no figure reads.
 */
export const SUPERSEDED_SURVEY_INDEXES = [
  'propertyId_1_openedAt_1',
  'technicianIds_1_openedAt_1',
  'propertyId_1_response.score_1_openedAt_1',
  'propertyId_1_team_1_response.score_1_openedAt_1',
  'propertyId_1_category_1_response.score_1_openedAt_1',
  'propertyId_1_technicianIds_1_response.score_1_openedAt_1',
  'propertyId_1_team_1_technicianIds_1_response.score_1_openedAt_1',
  'technicianIds_1_response.score_1_openedAt_1',
] as const;

export interface MeasuresBackfill {
  needs: number;
  satisfaction: number;
  droppedIndexes: string[];
}

/**
 * Start-up migration: surveys stored before `measures` existed get it from what they are (a
 * survey of a NEEDS campaign measures NEEDS, every other one SATISFACTION), so the figures,
 * which count `measures: SATISFACTION` only, keep counting them. Idempotent and safe beside live
 * writes and a second instance: it touches only surveys without the key, sets a value their kind
 * already decides (no version bump: no command's version check is disturbed, and no command
 * writes `measures` after opening), and a survey opened from now on carries it from the start.
 * Needs surveys first, so no needs survey is ever counted as a satisfaction one in between.
 */
export async function backfillSurveyMeasures(
  models: Pick<SurveysModels, 'Survey'>,
  logger?: Pick<Logger, 'info'>,
): Promise<MeasuresBackfill> {
  const surveys = models.Survey.collection;
  const needs = await surveys.updateMany(
    { measures: { $exists: false }, campaignKind: 'NEEDS' },
    { $set: { measures: 'NEEDS' } },
  );
  const satisfaction = await surveys.updateMany(
    { measures: { $exists: false } },
    { $set: { measures: 'SATISFACTION' } },
  );
  const present = new Set((await surveys.indexes()).map((index) => index.name));
  const droppedIndexes = SUPERSEDED_SURVEY_INDEXES.filter((name) => present.has(name));
  for (const name of droppedIndexes) {
    // A second instance may have dropped it a moment ago: that is the state wanted.
    await surveys.dropIndex(name).catch((error: unknown) => {
      if (!/index not found/i.test(String(error))) throw error;
    });
  }
  const result = { needs: needs.modifiedCount, satisfaction: satisfaction.modifiedCount, droppedIndexes };
  if (result.needs + result.satisfaction + droppedIndexes.length > 0) {
    logger?.info(result, 'surveys: measures backfilled');
  }
  return result;
}

/**
 * The backfill as the service runs it at start-up: once per database (recorded in the kernel's
 * `migrations` collection as `surveys.measures` at version 1), since finding the surveys without
 * `measures` scans the whole collection. Raise the version when the backfill changes.
 */
export const MEASURES_BACKFILL = { name: 'surveys.measures', version: 1 } as const;

export const backfillSurveyMeasuresOnce = (
  db: mongo.Db,
  models: Pick<SurveysModels, 'Survey'>,
  logger?: Pick<Logger, 'info'>,
  migration: { name: string; version: number } = MEASURES_BACKFILL,
): Promise<MigrationRun<MeasuresBackfill>> =>
  runMigrationOnce(db, migration, () => backfillSurveyMeasures(models, logger));
