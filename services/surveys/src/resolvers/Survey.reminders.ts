import type { SurveyResolvers } from '../__generated__/resolvers-types.js';
import { remindersOf } from '../domain/campaigns.js';

/**
 * `Survey.reminders`: kept on the campaign's invitee by the write that sent them (one campaign
 * per request, through its loader), so whoever may read the survey (its respondent in
 * `mySurveys`, staff of its property) sees what the household was sent.
 */
export const SurveyReminders: Pick<SurveyResolvers, 'reminders'> = {
  reminders: async (record, _, context) =>
    record.campaignId == null
      ? []
      : remindersOf(await context.loaders.campaignById.load(record.campaignId), record._id),
};
