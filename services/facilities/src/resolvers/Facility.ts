import { referenceId } from '@courtyard/kernel';
import type { FacilityResolvers, FaultResolvers } from '../__generated__/resolvers-types.js';

export const Facility: FacilityResolvers = {
  // Reached from work-orders' HelpRequest.facility: null when the caller may not read it.
  __resolveReference: (reference, context) =>
    context.reads.facilityOrNull(context.caller, referenceId(reference)),
  id: (record) => record._id,
  maintenancePlans: (facility, _, context) => context.maintenanceReads.plansFor(context.caller, facility),
  maintenanceTasks: (facility, { filter, ...page }, context) =>
    context.maintenanceReads.tasks(context.caller, null, { ...filter, facilityId: facility._id }, page),
};

export const Fault: FaultResolvers = {
  id: (fault) => fault._id,
};
