import { referenceId } from '@courtyard/kernel';
import type { UnitResolvers } from '../__generated__/resolvers-types.js';

/** work-orders' field on the residents subgraph's `Unit`: its requests the caller may read. */
export const Unit: UnitResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  helpRequests: ({ id }, page, context) => context.reads.requestsOf(context.caller, { unitId: id }, page),
};
