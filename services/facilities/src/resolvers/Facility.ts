import { referenceId } from '@courtyard/kernel';
import type { FacilityResolvers, FaultResolvers } from '../__generated__/resolvers-types.js';

export const Facility: FacilityResolvers = {
  // Reached from work-orders' HelpRequest.facility: null when the caller may not read it.
  __resolveReference: (reference, context) =>
    context.reads.facilityOrNull(context.caller, referenceId(reference)),
  id: (record) => record._id,
};

export const Fault: FaultResolvers = {
  id: (fault) => fault._id,
};
