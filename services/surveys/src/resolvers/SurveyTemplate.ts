import { referenceId } from '@courtyard/kernel';
import type { SurveyTemplateResolvers } from '../__generated__/resolvers-types.js';
import { currentVersionOf, DEFAULT_POST_SERVICE_TEMPLATE_ID } from '../domain/templates.js';

export const SurveyTemplate: SurveyTemplateResolvers = {
  __resolveReference: (reference, context) => context.reads.template(context.caller, referenceId(reference)),
  id: (record) => record._id,
  questions: (record) => currentVersionOf(record).questions,
  builtIn: (record) => record._id === DEFAULT_POST_SERVICE_TEMPLATE_ID,
};
