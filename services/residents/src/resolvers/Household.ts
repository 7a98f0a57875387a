import { notFound, referenceId } from '@courtyard/kernel';
import type { HouseholdResolvers } from '../__generated__/resolvers-types.js';

export const Household: HouseholdResolvers = {
  __resolveReference: (ref, context) => context.reads.household(context.caller, referenceId(ref)),
  id: (household) => household._id,
  unit: async (household, _, context) =>
    (await context.loaders.unitById.load(household.unitId)) ?? notFound('Unit', household.unitId),
  members: (household, { includePast }) =>
    includePast ? household.members : household.members.filter((member) => member.movedOutOn === null),
};
