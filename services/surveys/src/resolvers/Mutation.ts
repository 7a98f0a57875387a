import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { answerSurvey, recordSurveyByPhone } from '../domain/responses.js';
import { createSurveyTemplate, reviseSurveyTemplate } from '../domain/templates.js';
import { completeCallBack, updateCallBackSchedule } from '../domain/call-backs.js';
import { createCampaign } from '../domain/campaigns.js';
import { parseInput } from '@courtyard/kernel';
import { startCampaignInput } from '../domain/inputs.js';
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
  createCampaign: async (_, { input }, context) => {
    const template = await context.reads.template(context.caller, input.templateId);
    return { campaign: await context.campaigns.insert(createCampaign(input, template, context.command)) };
  },
  /** Starts it now; a campaign already started is returned as it is (starting is idempotent). */
  startCampaign: async (_, { input }, context) => {
    const { id } = parseInput(startCampaignInput, input);
    const campaign = await context.reads.campaign(context.caller, id);
    const started = await context.campaignSteps.start(campaign, context.command);
    if (started) return { campaign: started };
    // Another instance moved it on first: read it as it is now, not as this request cached it.
    context.loaders.campaignById.clear(id);
    return { campaign: await context.reads.campaign(context.caller, id) };
  },
  publishSatisfactionResults: async (_, { input: { propertyId, ...period } }, context) => {
    const results = await context.kpi.resultsOf(context.caller, propertyId, period);
    return { results: await context.results.insert(publishResults(results, context.command)) };
  },
};
