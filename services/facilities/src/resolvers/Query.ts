import type { QueryResolvers } from '../__generated__/resolvers-types.js';

/** GraphQL to read calls, nothing more: the read API applies the read rules. */
export const Query: QueryResolvers = {
  facility: (_, { id }, context) => context.reads.facility(context.caller, id),
  facilities: (_, { propertyId, ...page }, context) =>
    context.reads.facilities(context.caller, propertyId, page),
};
