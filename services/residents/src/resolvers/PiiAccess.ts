import type { PiiAccessResolvers } from '../__generated__/resolvers-types.js';

/** One entry of the personal-data access log. */
export const PiiAccess: PiiAccessResolvers = {
  id: (entry) => entry._id,
  at: (entry) => entry.createdAt,
  resident: (entry, _, context) => context.reads.resident(context.caller, entry.residentId),
};
