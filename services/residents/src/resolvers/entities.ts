import { notFound, paginate, referenceId } from '@courtyard/kernel';
import type {
  BuildingResolvers,
  HouseholdMemberResolvers,
  HouseholdResolvers,
  PiiAccessResolvers,
  PropertyResolvers,
  UnitResolvers,
} from '../__generated__/resolvers-types.js';
import { canReadHousehold } from '../domain/access.js';
import { loadReadableResident } from './access.js';

const identity = <T>(doc: T) => doc;

/** Entity fields: relations go through the request's DataLoaders (one query per level). */
export const Property: PropertyResolvers = {
  __resolveReference: (ref, context) => context.loaders.propertyById.load(referenceId(ref)),
  id: (property) => property._id,
  buildings: (property, page, context) =>
    paginate(context.models.Building, { propertyId: property._id }, page, identity),
  units: (property, { filter, ...page }, context) =>
    paginate(
      context.models.Unit,
      { propertyId: property._id, ...(filter?.buildingId ? { buildingId: filter.buildingId } : {}) },
      page,
      identity,
    ),
  residents: (property, { filter, ...page }, context) =>
    paginate(
      context.models.Resident,
      { propertyId: property._id, ...(filter?.kind ? { kind: filter.kind } : {}) },
      page,
      identity,
    ),
};

export const Building: BuildingResolvers = {
  __resolveReference: (ref, context) => context.loaders.buildingById.load(referenceId(ref)),
  id: (building) => building._id,
  property: async (building, _, context) =>
    (await context.loaders.propertyById.load(building.propertyId)) ??
    notFound('Property', building.propertyId),
  units: (building, page, context) =>
    paginate(context.models.Unit, { buildingId: building._id }, page, identity),
};

export const Unit: UnitResolvers = {
  __resolveReference: (ref, context) => context.loaders.unitById.load(referenceId(ref)),
  id: (unit) => unit._id,
  property: async (unit, _, context) =>
    (await context.loaders.propertyById.load(unit.propertyId)) ?? notFound('Property', unit.propertyId),
  building: async (unit, _, context) =>
    (await context.loaders.buildingById.load(unit.buildingId)) ?? notFound('Building', unit.buildingId),
  // A resident sees only their own household; someone else's unit shows none.
  household: async (unit, _, context) => {
    const household = await context.loaders.householdByUnitId.load(unit._id);
    return household && canReadHousehold(context.caller, household) ? household : null;
  },
};

export const Household: HouseholdResolvers = {
  __resolveReference: (ref, context) => context.loaders.householdById.load(referenceId(ref)),
  id: (household) => household._id,
  unit: async (household, _, context) =>
    (await context.loaders.unitById.load(household.unitId)) ?? notFound('Unit', household.unitId),
  members: (household, { includePast }) =>
    includePast ? household.members : household.members.filter((member) => member.movedOutOn === null),
};

export const HouseholdMember: HouseholdMemberResolvers = {
  resident: (member, _, context) => loadReadableResident(context, member.residentId),
};

export const PiiAccess: PiiAccessResolvers = {
  id: (entry) => entry._id,
  at: (entry) => entry.createdAt,
  resident: (entry, _, context) => loadReadableResident(context, entry.residentId),
};
