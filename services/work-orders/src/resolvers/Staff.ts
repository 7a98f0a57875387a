import { referenceId } from '@courtyard/kernel';
import type { StaffResolvers } from '../__generated__/resolvers-types.js';
import { isOnDuty } from '../domain/staff.js';

export const Staff: StaffResolvers = {
  __resolveReference: (reference, context) => context.loaders.staffById.load(referenceId(reference)),
  id: (staff) => staff._id,
  onDuty: (staff, _, context) => isOnDuty(staff, context.now),
  repeatCallsAgainst: (staff, _, context) => context.loaders.repeatCallsAgainst.load(staff._id),
};
