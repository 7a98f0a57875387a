import type { PipelineStage } from 'mongoose';
import type { HouseholdRecord, ResidentRecord, UnitRecord } from '../domain/records.js';
import type { ResidentsLoaders } from './loaders.js';
import type { ResidentsModels } from './models.js';

/**
 * What a page of units shows beyond the units (the resolvers say, from the selection): read in
 * the same command as the page, so the page and its households and residents cost one round
 * trip instead of three in a row (units, then households, then residents).
 */
export interface UnitPageJoin {
  households: boolean;
  residents: boolean;
}

export const NO_JOIN: UnitPageJoin = { households: false, residents: false };

const HOUSEHOLDS = '_pageHouseholds';
const HOUSEHOLD = '_pageHousehold';
const MEMBER_IDS = '_pageMemberIds';
const RESIDENTS = '_pageResidents';

type JoinedUnit = UnitRecord & { [HOUSEHOLD]?: HouseholdRecord; [RESIDENTS]?: ResidentRecord[] };

/**
 * `$lookup`s on the unique `households.unitId` and on `residents._id`, so each unit's relations
 * are read off an index (by MongoDB and the local wire server alike). The household is taken out
 * of its one-element array before its members' ids are read, so the id list is flat on both
 * servers; a unit without a household looks up no ids. Pending outboxes are projected out of
 * what is joined, as every read does.
 */
export function unitPageStages(models: ResidentsModels, join: UnitPageJoin): PipelineStage[] {
  if (!join.households) return [];
  const stages: PipelineStage[] = [
    {
      $lookup: {
        from: models.Household.collection.collectionName,
        localField: '_id',
        foreignField: 'unitId',
        as: HOUSEHOLDS,
      },
    },
    { $addFields: { [HOUSEHOLD]: { $arrayElemAt: [`$${HOUSEHOLDS}`, 0] } } },
  ];
  if (join.residents)
    stages.push(
      { $addFields: { [MEMBER_IDS]: { $ifNull: [`$${HOUSEHOLD}.members.residentId`, []] } } },
      {
        $lookup: {
          from: models.Resident.collection.collectionName,
          localField: MEMBER_IDS,
          foreignField: '_id',
          as: RESIDENTS,
        },
      },
    );
  stages.push({
    $project: { [HOUSEHOLDS]: 0, [MEMBER_IDS]: 0, [`${HOUSEHOLD}.outbox`]: 0, [`${RESIDENTS}.outbox`]: 0 },
  });
  return stages;
}

/**
 * Hands what was joined to the request's loaders (exactly what they would have read: the
 * household of the unit or none, each member's resident or none), so `Unit.household` and
 * `HouseholdMember.resident` resolve from memory through the same read rules, and returns the
 * unit as stored.
 */
export function primeFromUnitPage(
  loaders: ResidentsLoaders,
  join: UnitPageJoin,
): (doc: UnitRecord) => UnitRecord {
  if (!join.households) return (doc) => doc;
  return (doc) => {
    const { [HOUSEHOLD]: household, [RESIDENTS]: residents, ...unit } = doc as JoinedUnit;
    loaders.householdByUnitId.prime(unit._id, household ?? null);
    if (join.residents && household) {
      const found = new Map((residents ?? []).map((resident) => [resident._id, resident]));
      for (const { residentId } of household.members)
        loaders.residentById.prime(residentId, found.get(residentId) ?? null);
    }
    return unit;
  };
}
