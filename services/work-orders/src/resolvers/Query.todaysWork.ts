import { notFound } from '@courtyard/kernel';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { requireMayReadWorkOf, workingShift } from '../domain/todays-work.js';

/** Today's work (issue 19): the shift by the roster at the clock's now, then its assignments. */
export const todaysWork: QueryResolvers['todaysWork'] = async (_, { staffId }, context) => {
  const id = staffId ?? context.caller.subject;
  const staff = (await context.loaders.staffById.load(id)) ?? notFound('Staff', id);
  requireMayReadWorkOf(context.caller, staff);
  const working = workingShift(staff, context.now);
  return {
    staff,
    shift: working?.shift ?? null,
    onShift: working?.current ?? false,
    assignments: working ? await context.reads.todaysWork(context.caller, staff._id, working.shift) : [],
  };
};
