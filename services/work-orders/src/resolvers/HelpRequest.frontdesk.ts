import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import { currentOwnerOf } from '../domain/handover.js';

/** Front desk and office (issue 19): who holds a request now, its handovers, corrections and tiers. */
export const frontDeskHelpRequestFields: Pick<
  HelpRequestResolvers,
  'currentOwner' | 'handovers' | 'corrections' | 'complaintTierChanges'
> = {
  currentOwner: (request, _, context) => context.loaders.staffById.load(currentOwnerOf(request)),
  handovers: async (request, _, context) =>
    Promise.all(
      (request.handovers ?? []).map(async (handover) => ({
        ...handover,
        from: await context.loaders.staffById.load(handover.fromId),
        to: await context.loaders.staffById.load(handover.toId),
      })),
    ),
  corrections: (request) => request.corrections ?? [],
  complaintTierChanges: (request) => request.tierChanges ?? [],
};
