import type { StaffResolvers } from '../__generated__/resolvers-types.js';
import { currentShift } from '../domain/roster.js';

/** Issue 19's fields of `Staff`: the record managers keep (absent on older staff: the defaults). */
export const StaffRecords: Pick<
  StaffResolvers,
  'active' | 'shiftChanges' | 'leave' | 'currentShift' | 'history'
> = {
  active: (staff) => staff.active !== false,
  shiftChanges: (staff) => staff.shiftChanges ?? [],
  leave: (staff) => staff.leave ?? [],
  currentShift: (staff, _, context) => currentShift(staff, context.now),
  history: (staff) =>
    (staff.history ?? []).map(({ actorId, actorRole, ...change }) => ({
      ...change,
      byId: actorId,
      byRole: actorRole,
    })),
};
