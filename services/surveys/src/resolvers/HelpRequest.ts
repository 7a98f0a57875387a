import { referenceId } from '@courtyard/kernel';
import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';

/** Surveys' field on work-orders' `HelpRequest`: its after-service survey. */
export const HelpRequest: HelpRequestResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  satisfaction: ({ id }, _, context) => context.reads.surveyOfHelpRequest(context.caller, id),
};
