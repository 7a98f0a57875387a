import type { MaintenancePlanResolvers, MaintenanceTaskResolvers } from '../__generated__/resolvers-types.js';

export const MaintenancePlan: MaintenancePlanResolvers = {
  id: (plan) => plan._id,
  // A plan per type has no facility; one per facility shows it when the caller may read it.
  facility: (plan, _, context) =>
    plan.facilityId ? context.reads.facilityOrNull(context.caller, plan.facilityId) : null,
};

export const MaintenanceTask: MaintenanceTaskResolvers = {
  id: (task) => task._id,
  plan: (task, _, context) => context.maintenanceReads.plan(context.caller, task.planId),
  facility: (task, _, context) => context.reads.facility(context.caller, task.facilityId),
  overdue: (task) => task.status === 'OVERDUE',
};
