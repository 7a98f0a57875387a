import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { createFacility } from '../domain/facility.js';

/** Each mutation: load what the command needs (NOT_FOUND first), decide in the domain, save. */
export const Mutation: MutationResolvers = {
  createFacility: async (_, { input }, context) => ({
    facility: await context.repository.insertFacility(createFacility(input, context.command)),
  }),
};
