import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { loadSurveysConfig } from './config.js';
import { createContext, type SurveysContext, type SurveysDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { SURVEY_ID_FORMATS } from './schema/id-formats.js';
import { CallBackStore } from './repository/call-backs.repository.js';
import { SurveyExpiryStore } from './repository/expiry.repository.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';
import { backfillSurveyMeasuresOnce } from './repository/survey-measures.migration.js';
import { callBackSweep } from './scheduler/call-back-scheduler.js';
import { surveyExpiry } from './scheduler/survey-expiry.js';
import { campaignScheduler } from './scheduler/campaign-scheduler.js';
import { CampaignStore } from './repository/campaigns.repository.js';
import { HouseholdStore } from './repository/households.repository.js';

const config = loadSurveysConfig();

await runSubgraphService<SurveysDeps, SurveysContext>({
  name: 'surveys',
  topic: TOPICS.surveys,
  defaultDatabase: 'surveys',
  typeDefs: loadTypeDefs(new URL('./schema/surveys.graphql', import.meta.url)),
  resolvers,
  accessRules,
  idFormats: SURVEY_ID_FORMATS,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer, logger, every }) => {
    const models = await createModels(connection);
    // Before any figure is read: surveys stored before `measures` existed are counted by it.
    await backfillSurveyMeasuresOnce(connection.db!, models, logger);
    const callBacks = callBackSweep(new CallBackStore(models, writer));
    const expiry = surveyExpiry(new SurveyExpiryStore(models, writer));
    const campaigns = campaignScheduler({
      campaigns: new CampaignStore(models, writer),
      households: new HouseholdStore(models, writer),
      expiry: new SurveyExpiryStore(models, writer),
    });
    const callBackBeat = every({
      name: 'call-back sweep',
      intervalMs: config.CALLBACK_SWEEP_INTERVAL_MS,
      immediately: true,
      tick: (now) => callBacks.tick(now),
    });
    every({
      name: 'survey expiry',
      intervalMs: config.SURVEY_EXPIRY_SWEEP_INTERVAL_MS,
      immediately: true,
      tick: async (now) => {
        const { expired } = await expiry.tick(now);
        if (expired > 0) logger.info({ expired }, 'surveys expired');
      },
    });
    every({
      name: 'campaign tick',
      intervalMs: config.CAMPAIGN_SWEEP_INTERVAL_MS,
      immediately: true,
      tick: async (now) => {
        const done = await campaigns.tick(now);
        if (done.started + done.reminded + done.closed > 0) logger.info(done, 'campaigns moved on');
      },
    });
    return { models, writer, config, scheduler: { nudge: () => void callBackBeat.nudge() } };
  },
  createContext,
  consumers,
});
