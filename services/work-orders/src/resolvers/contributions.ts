import { paginate, referenceId } from '@courtyard/kernel';
import type { ResidentResolvers, UnitResolvers } from '../__generated__/resolvers-types.js';
import { visibleTo } from './visibility.js';

const identity = <T>(doc: T) => doc;

/** Fields work-orders adds to entities the residents subgraph owns. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  helpRequests: ({ id }, page, context) =>
    paginate(
      context.models.HelpRequest,
      { $and: [{ requesterId: id }, visibleTo(context.caller)] },
      page,
      identity,
    ),
};

export const Unit: UnitResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  helpRequests: ({ id }, page, context) =>
    paginate(
      context.models.HelpRequest,
      { $and: [{ unitId: id }, visibleTo(context.caller)] },
      page,
      identity,
    ),
};
