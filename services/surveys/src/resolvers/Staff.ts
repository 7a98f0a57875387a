import { referenceId } from '@courtyard/kernel';
import type { StaffResolvers } from '../__generated__/resolvers-types.js';

/** Surveys' field on work-orders' `Staff`: satisfaction with the requests they were assigned. */
export const Staff: StaffResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  satisfaction: ({ id }, args, context) => context.kpi.staffKpi(context.caller, id, args),
};
