import { referenceId } from '@courtyard/kernel';
import type { ResidentResolvers } from '../__generated__/resolvers-types.js';

/** work-orders' field on the residents subgraph's `Resident`: their requests the caller may read. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  helpRequests: ({ id }, { open, ...page }, context) =>
    context.reads.requestsOf(context.caller, { requesterId: id }, page, open),
};
