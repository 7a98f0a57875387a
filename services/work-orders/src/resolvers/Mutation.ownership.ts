import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { userNote } from '../domain/inputs.js';
import { accept } from '../domain/ownership.js';
import { requireNotArchived } from '../domain/register.js';

/** Partner-recorded requests: a staff member of the property accepts one and owns it (issue 19). */
export const ownershipMutations: Pick<MutationResolvers, 'acceptHelpRequest'> = {
  acceptHelpRequest: async (_, { input }, context) => {
    const note = userNote(input.note);
    const before = await context.reads.helpRequest(context.caller, input.id);
    requireNotArchived(before);
    // The owner is always a Staff record: the caller's own, looked up by their token's subject.
    const acceptor = await context.loaders.staffById.load(context.caller.subject);
    const decision = accept(before, acceptor, note, context.command);
    return { helpRequest: await context.repository.saveHelpRequest(before, decision) };
  },
};
