import { pageSize } from '@courtyard/kernel';
import type { HelpRequestState } from '../domain/transitions.js';
import type { FrontDeskBoardResolvers, HelpRequestResolvers } from '../__generated__/resolvers-types.js';

/** `HelpRequest.source` and `.acceptedAt` (partner-recorded requests, issue 19). */
export const helpRequestOwnershipFields: Pick<HelpRequestResolvers, 'source' | 'acceptedAt'> = {
  source: (request) => (request.source ? { partner: request.source.partnerId } : null),
  // Requests stored before issue 19 have neither field.
  acceptedAt: (request) => request.acceptedAt ?? null,
};

/** What `Query.frontDeskBoard` answers; `awaitingOwner` is read only when asked for. */
export interface FrontDeskBoardCounts {
  propertyId: string;
  counts: Array<{ state: HelpRequestState; count: number }>;
  overdue: number;
}

/** The front desk's queue of requests nobody owns yet. */
export const FrontDeskBoard: FrontDeskBoardResolvers = {
  awaitingOwner: ({ propertyId }, { first }, context) =>
    context.reads.unownedAt(context.caller, propertyId, pageSize(first)),
};
