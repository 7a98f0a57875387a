import { referenceId } from '@courtyard/kernel';
import type { PropertyResolvers } from '../__generated__/resolvers-types.js';

/** facilities' field on the residents subgraph's `Property`: its facilities the caller may read. */
export const Property: PropertyResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  facilities: ({ id }, { filter, ...page }, context) =>
    context.reads.facilities(context.caller, id, filter ?? {}, page),
};
