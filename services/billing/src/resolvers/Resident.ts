import { referenceId } from '@courtyard/kernel';
import type { ResidentResolvers } from '../__generated__/resolvers-types.js';

/** billing's field on the residents subgraph's `Resident`: the bills of the households they live in now. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  bills: ({ id }, page, context) => context.reads.billsOfResident(context.caller, id, page),
};
