import { DomainError, notFound } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { updateResident, updateResidentContactDetails } from '../domain/resident-changes.js';

/** A resident's own contact details, and the office's changes of a resident's record (issue 19). */
export const MutationResidentChanges: Pick<
  MutationResolvers,
  'updateResidentContactDetails' | 'updateResident'
> = {
  updateResidentContactDetails: async (_, { input }, context) => {
    const { residentId } = context.caller;
    if (residentId === undefined) {
      throw new DomainError('NOT_FOUND', 'RESIDENT_NOT_FOUND', 'No resident record belongs to this caller');
    }
    const resident = await context.reads.resident(context.caller, residentId);
    return {
      resident: await context.repository.saveResidentUpdate(
        resident,
        updateResidentContactDetails(input, resident, context.command),
      ),
    };
  },

  updateResident: async (_, { input }, context) => {
    const resident =
      (await context.loaders.residentById.load(input.residentId)) ?? notFound('Resident', input.residentId);
    return {
      resident: await context.repository.saveResidentUpdate(
        resident,
        updateResident(input, resident, context.command),
      ),
    };
  },
};
