import type { FrontDeskBoardResolvers } from '../__generated__/resolvers-types.js';

/** The board's queue of residents' submissions waiting for an owner (issue 19). */
export const FrontDeskBoard: Pick<FrontDeskBoardResolvers, 'awaitingOwner'> = {
  awaitingOwner: (board, _, context) => context.reads.awaitingOwner(context.caller, board.propertyId),
};
