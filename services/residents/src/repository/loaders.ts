import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { loaderById, WITHOUT_OUTBOX } from '@courtyard/kernel';
import type {
  BuildingRecord,
  HouseholdRecord,
  PiiAccessRecord,
  PropertyRecord,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';
import type { ResidentsModels } from './models.js';

/** Created per request: a cache must never outlive the caller whose rights it was read under. */
export function createLoaders(models: ResidentsModels) {
  return {
    propertyById: loaderById<PropertyRecord>(models.Property),
    buildingById: loaderById<BuildingRecord>(models.Building),
    unitById: loaderById<UnitRecord>(models.Unit),
    residentById: loaderById<ResidentRecord>(models.Resident),
    householdById: loaderById<HouseholdRecord>(models.Household),
    householdByUnitId: new DataLoader<string, HouseholdRecord | null>(async (unitIds) => {
      const docs = (await models.Household.find(
        { unitId: { $in: [...unitIds] } },
        WITHOUT_OUTBOX,
      ).lean()) as HouseholdRecord[];
      const found = new Map(docs.map((doc) => [doc.unitId, doc]));
      return unitIds.map((id) => found.get(id) ?? null);
    }),
    householdsByResidentId: new DataLoader<string, HouseholdRecord[]>(async (residentIds) => {
      const docs = (await models.Household.find(
        { 'members.residentId': { $in: [...residentIds] } },
        WITHOUT_OUTBOX,
      ).lean()) as HouseholdRecord[];
      return residentIds.map((id) => docs.filter((doc) => doc.members.some((m) => m.residentId === id)));
    }),
    /** Batches the access-log entries of one request into one insert (a list of 50 full phones = 1 write). */
    piiAccessLog: new DataLoader<Omit<PiiAccessRecord, '_id'>, true>(
      async (entries) => {
        await models.PiiAccess.insertMany(entries.map((entry) => ({ _id: randomUUID(), ...entry })));
        return entries.map(() => true as const);
      },
      { cache: false },
    ),
  };
}

export type ResidentsLoaders = ReturnType<typeof createLoaders>;
