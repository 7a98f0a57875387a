import type { QueryResolvers } from '../__generated__/resolvers-types.js';

/** The maintenance reads: the read API applies the read rules. */
export const maintenanceQueries: Pick<
  QueryResolvers,
  'maintenancePlan' | 'maintenancePlans' | 'maintenanceTask' | 'maintenanceTasks'
> = {
  maintenancePlan: (_, { id }, context) => context.maintenanceReads.plan(context.caller, id),
  maintenancePlans: (_, { propertyId, filter, ...page }, context) =>
    context.maintenanceReads.plans(context.caller, propertyId, filter ?? {}, page),
  maintenanceTask: (_, { id }, context) => context.maintenanceReads.task(context.caller, id),
  maintenanceTasks: (_, { propertyId, filter, ...page }, context) =>
    context.maintenanceReads.tasks(context.caller, propertyId, filter ?? {}, page),
};
