import { referenceId } from '@courtyard/kernel';
import type { PropertyResolvers } from '../__generated__/resolvers-types.js';

/** Surveys' field on the residents subgraph's `Property`. */
export const Property: PropertyResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  satisfaction: ({ id }, args, context) => context.kpi.propertyKpi(context.caller, id, args),
};
