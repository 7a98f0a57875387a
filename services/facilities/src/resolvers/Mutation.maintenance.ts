import { idsDerivedFrom, notFound } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { FacilitiesContext } from '../context.js';
import { createMaintenancePlan, updateMaintenancePlan } from '../domain/maintenance-plan.js';
import {
  assignMaintenanceTask,
  completeMaintenanceTask,
  generateTask,
  nextPeriodAfter,
  taskKey,
} from '../domain/maintenance-task.js';
import type { MaintenanceTaskRecord } from '../domain/records.js';

/**
 * The task of the period after a completed one, by its plan as it is now: generated under the
 * same key the scheduler uses, so whichever of the two comes first creates it and the other finds it.
 */
async function nextTaskAfter(
  context: FacilitiesContext,
  done: MaintenanceTaskRecord,
): Promise<MaintenanceTaskRecord | null> {
  const plan = await context.loaders.planById.load(done.planId);
  const period = plan && nextPeriodAfter(plan, done);
  const facility = await context.loaders.facilityById.load(done.facilityId);
  if (!plan || !period || !facility || facility.status === 'RETIRED') return null;
  const key = taskKey(plan._id, facility._id, period);
  const next = generateTask(plan, facility, period, { ...context.command, newId: idsDerivedFrom(key) });
  await context.maintenance.insertTasksAbsent([next]);
  return context.loaders.taskById.load(next.record._id);
}

/** Load (NOT_FOUND first), decide in the domain, save against the version read. */
export const maintenanceMutations: Pick<
  MutationResolvers,
  'createMaintenancePlan' | 'updateMaintenancePlan' | 'assignMaintenanceTask' | 'completeMaintenanceTask'
> = {
  createMaintenancePlan: async (_, { input }, context) => {
    const facility = input.facilityId ? await context.reads.facility(context.caller, input.facilityId) : null;
    if (facility && facility.propertyId !== input.propertyId)
      // A facility of another property is, for this property, a facility that does not exist.
      return notFound('Facility', input.facilityId!);
    const property = await context.maintenanceReads.property(input.propertyId);
    return {
      plan: await context.maintenance.insertPlan(
        createMaintenancePlan(input, property, facility, context.command),
      ),
    };
  },
  updateMaintenancePlan: async (_, { input: { id, ...input } }, context) => {
    const before = await context.maintenanceReads.plan(context.caller, id);
    return {
      plan: await context.maintenance.savePlan(before, updateMaintenancePlan(before, input, context.command)),
    };
  },
  assignMaintenanceTask: async (_, { input: { id, ...input } }, context) => {
    const before = await context.maintenanceReads.task(context.caller, id);
    return {
      task: await context.maintenance.saveTask(before, assignMaintenanceTask(before, input, context.command)),
    };
  },
  completeMaintenanceTask: async (_, { input: { id, ...input } }, context) => {
    const before = await context.maintenanceReads.task(context.caller, id);
    const task = await context.maintenance.saveTask(
      before,
      completeMaintenanceTask(before, input, context.command),
    );
    return { task, nextTask: await nextTaskAfter(context, task) };
  },
};
