import type { QueryResolvers } from '../__generated__/resolvers-types.js';

/** GraphQL to read calls, nothing more: the read API applies the read rules. */
export const Query: QueryResolvers = {
  survey: (_, { id }, context) => context.reads.survey(context.caller, id),
  surveys: (_, { propertyId, ...page }, context) => context.reads.surveys(context.caller, propertyId, page),
  mySurveys: (_, page, context) => context.reads.mySurveys(context.caller, page),
  surveyTemplate: (_, { id }, context) => context.reads.template(context.caller, id),
  surveyTemplates: (_, { propertyId }, context) =>
    context.reads.templates(context.caller, propertyId ?? null),
  satisfactionKpi: (_, args, context) => context.kpi.satisfactionKpi(context.caller, args),
  publishedSatisfactionResults: (_, { propertyId }, context) =>
    context.results.forProperty(context.caller, propertyId),
  callBackSchedule: (_, { propertyId }, context) =>
    context.reads.callBackSchedule(context.caller, propertyId),
  callBacks: (_, { propertyId, ...page }, context) =>
    context.reads.callBacks(context.caller, propertyId, page),
  campaign: (_, { id }, context) => context.reads.campaign(context.caller, id),
  campaigns: (_, { propertyId, ...page }, context) =>
    context.reads.campaigns(context.caller, propertyId ?? null, page),
  needsSurveyResults: (_, { campaignId }, context) => context.reads.needsResults(context.caller, campaignId),
};
