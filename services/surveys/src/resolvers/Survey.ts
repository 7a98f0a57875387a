import { referenceId } from '@courtyard/kernel';
import type { SurveyResolvers } from '../__generated__/resolvers-types.js';
import { stateAt } from '../domain/responses.js';
import { SurveyReminders } from './Survey.reminders.js';

export const Survey: SurveyResolvers = {
  __resolveReference: (reference, context) => context.reads.survey(context.caller, referenceId(reference)),
  id: (record) => record._id,
  state: (record, _, context) => stateAt(record, context.command.now),
  property: (record) => ({ id: record.propertyId }),
  // Anonymous: nobody but the respondent sees who it was.
  respondent: (record, _, context) =>
    record.respondentId === null || (record.anonymous && context.caller.residentId !== record.respondentId)
      ? null
      : { id: record.respondentId },
  helpRequest: (record) => (record.helpRequestId === null ? null : { id: record.helpRequestId }),
  technicians: (record) => record.technicianIds.map((id) => ({ id })),
  ...SurveyReminders,
};
