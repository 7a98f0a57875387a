import { notFound, type Decision } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { StaffRecord } from '../domain/records.js';
import { cancelStaffLeave, changeStaffShift, grantStaffLeave, updateStaff } from '../domain/staff-updates.js';
import type { WorkOrdersContext } from '../context.js';

/** Load the staff member (NOT_FOUND first), decide, save against the version read. */
async function changeStaff(
  context: WorkOrdersContext,
  id: string,
  decide: (staff: StaffRecord) => Decision<StaffRecord> | Promise<Decision<StaffRecord>>,
) {
  const before = (await context.loaders.staffById.load(id)) ?? notFound('Staff', id);
  return { staff: await context.repository.saveStaff(before, await decide(before)) };
}

/** The managers' staff commands (issue 19). */
export const StaffMutations: Pick<
  MutationResolvers,
  'updateStaff' | 'changeStaffShift' | 'grantStaffLeave' | 'cancelStaffLeave'
> = {
  updateStaff: (_, { input: { id, ...input } }, context) =>
    changeStaff(context, id, async (staff) => {
      // Only asked when deactivating: whether someone still holds open work.
      const open = input.active === false ? await context.reads.openAssignmentIds(staff._id) : [];
      const decision = updateStaff(staff, input, open, context.command);
      // As at registration: no staff member serves a property work-orders has not heard of.
      if (input.propertyIds) await context.properties.requireKnown(decision.record.propertyIds);
      return decision;
    }),
  changeStaffShift: (_, { input: { staffId, ...input } }, context) =>
    changeStaff(context, staffId, (staff) => changeStaffShift(staff, input, context.command)),
  grantStaffLeave: (_, { input: { staffId, ...input } }, context) =>
    changeStaff(context, staffId, (staff) => grantStaffLeave(staff, input, context.command)),
  cancelStaffLeave: (_, { input: { staffId, ...input } }, context) =>
    changeStaff(context, staffId, (staff) => cancelStaffLeave(staff, input, context.command)),
};
