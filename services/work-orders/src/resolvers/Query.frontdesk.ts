import type { QueryResolvers } from '../__generated__/resolvers-types.js';

/** Front desk and office (issue 19): the search with totals per state. */
export const frontDeskQueries: Pick<QueryResolvers, 'searchHelpRequests'> = {
  searchHelpRequests: (_, { propertyId, search, ...page }, context) =>
    context.reads.searchHelpRequests(context.caller, propertyId, search ?? {}, page),
};
