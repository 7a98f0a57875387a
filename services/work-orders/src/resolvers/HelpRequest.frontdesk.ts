import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import { currentOwnerOf } from '../domain/ownership.js';

/** Front desk and office (issue 19): who holds a request now, its handovers, corrections and tiers. */
export const frontDeskHelpRequestFields: Pick<
  HelpRequestResolvers,
  'currentOwner' | 'handovers' | 'corrections' | 'complaintTierChanges'
> = {
  currentOwner: (request, _, context) => {
    // Null while nobody has accepted a partner's request or a resident's submission.
    const holder = currentOwnerOf(request);
    return holder === null ? null : context.loaders.staffById.load(holder);
  },
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
