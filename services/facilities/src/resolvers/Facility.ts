import { referenceId } from '@courtyard/kernel';
import type { FacilityResolvers } from '../__generated__/resolvers-types.js';

export const Facility: FacilityResolvers = {
  __resolveReference: (reference, context) => context.reads.facility(context.caller, referenceId(reference)),
  id: (record) => record._id,
};
