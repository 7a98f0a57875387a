import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { recordPartsUsed, recordSignOff, recordWorkNote } from '../domain/field-work.js';
import { change } from './Mutation.js';

/** Work on site (issue 19); the arrival is `recordHelpRequestArrival`. */
export const FieldWorkMutations: Pick<
  MutationResolvers,
  'recordHelpRequestWorkNote' | 'recordHelpRequestPartsUsed' | 'recordHelpRequestSignOff'
> = {
  recordHelpRequestWorkNote: (_, { input: { id, ...input } }, context) =>
    change(context, id, (request) => recordWorkNote(request, input, context.command)),
  recordHelpRequestPartsUsed: (_, { input: { id, ...input } }, context) =>
    change(context, id, (request) => recordPartsUsed(request, input, context.command)),
  recordHelpRequestSignOff: (_, { input: { id, ...input } }, context) =>
    change(context, id, (request) => recordSignOff(request, input, context.command)),
};
