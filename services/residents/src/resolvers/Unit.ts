import { notFound, referenceId } from '@courtyard/kernel';
import type { UnitResolvers } from '../__generated__/resolvers-types.js';

export const Unit: UnitResolvers = {
  __resolveReference: (ref, context) => context.loaders.unitById.load(referenceId(ref)),
  id: (unit) => unit._id,
  property: async (unit, _, context) =>
    (await context.loaders.propertyById.load(unit.propertyId)) ?? notFound('Property', unit.propertyId),
  building: async (unit, _, context) =>
    (await context.loaders.buildingById.load(unit.buildingId)) ?? notFound('Building', unit.buildingId),
  // A resident sees only their own household; someone else's unit shows none.
  household: (unit, _, context) => context.reads.householdOfUnit(context.caller, unit._id),
};
