import { notFound, referenceId } from '@courtyard/kernel';
import type { BuildingResolvers } from '../__generated__/resolvers-types.js';
import { unitPageJoinOf } from './unit-page-selection.js';

export const Building: BuildingResolvers = {
  __resolveReference: (ref, context) => context.loaders.buildingById.load(referenceId(ref)),
  id: (building) => building._id,
  property: async (building, _, context) =>
    (await context.loaders.propertyById.load(building.propertyId)) ??
    notFound('Property', building.propertyId),
  units: (building, page, context, info) =>
    context.reads.units({ buildingId: building._id }, {}, page, unitPageJoinOf(info)),
};
