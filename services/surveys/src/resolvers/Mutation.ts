import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { answerSurvey, recordSurveyByPhone } from '../domain/responses.js';
import { createSurveyTemplate, reviseSurveyTemplate } from '../domain/templates.js';
import { completeCallBack, updateCallBackSchedule } from '../domain/call-backs.js';
import { publishResults } from '../domain/published-results.js';

/** Each mutation: load what the command needs (NOT_FOUND first), decide in the domain, save. */
export const Mutation: MutationResolvers = {
  createSurveyTemplate: async (_, { input }, context) => ({
    surveyTemplate: await context.repository.insertTemplate(createSurveyTemplate(input, context.command)),
  }),
  reviseSurveyTemplate: async (_, { input }, context) => {
    const template = await context.reads.template(context.caller, input.id);
    return {
      surveyTemplate: await context.repository.saveTemplate(
        template,
        reviseSurveyTemplate(input, template, context.command),
      ),
    };
  },
  answerSurvey: async (_, { input }, context) => {
    const survey = await context.reads.survey(context.caller, input.surveyId);
    return {
      survey: await context.repository.saveSurvey(survey, answerSurvey(input, survey, context.command)),
    };
  },
  recordSurveyByPhone: async (_, { input }, context) => {
    const survey = await context.reads.survey(context.caller, input.surveyId);
    return {
      survey: await context.repository.saveSurvey(
        survey,
        recordSurveyByPhone(input, survey, context.command),
      ),
    };
  },
  updateCallBackSchedule: async (_, { input }, context) => {
    const schedule = await context.reads.callBackSchedule(context.caller, input.propertyId);
    const saved = await context.repository.saveSchedule(
      schedule,
      updateCallBackSchedule(input, schedule, context.command),
    );
    context.nudgeCallBacks();
    return { callBackSchedule: saved };
  },
  completeCallBack: async (_, { input }, context) => {
    const callBack = await context.reads.callBack(context.caller, input.id);
    return {
      callBack: await context.repository.saveCallBack(
        callBack,
        completeCallBack(input, callBack, context.command),
      ),
    };
  },
  publishSatisfactionResults: async (_, { input: { propertyId, ...period } }, context) => {
    const results = await context.kpi.resultsOf(context.caller, propertyId, period);
    return { results: await context.results.insert(publishResults(results, context.command)) };
  },
};
