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
import { backfillSurveyMeasures } from './repository/survey-measures.migration.js';
import { startCallBackScheduler } from './scheduler/call-back-scheduler.js';
import { startSurveyExpiry } from './scheduler/survey-expiry.js';
import { startCampaignScheduler } from './scheduler/campaign-scheduler.js';
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
  setup: async ({ connection, writer, logger }) => {
    const models = await createModels(connection);
    // Before any figure is read: surveys stored before `measures` existed are counted by it.
    await backfillSurveyMeasures(models, logger);
    return {
      models,
      writer,
      config,
      scheduler: startCallBackScheduler({
        store: new CallBackStore(models, writer),
        intervalMs: config.CALLBACK_SWEEP_INTERVAL_MS,
        logger,
      }),
      expiry: startSurveyExpiry({
        store: new SurveyExpiryStore(models, writer),
        intervalMs: config.SURVEY_EXPIRY_SWEEP_INTERVAL_MS,
        logger,
      }),
      campaignScheduler: startCampaignScheduler({
        stores: {
          campaigns: new CampaignStore(models, writer),
          households: new HouseholdStore(models, writer),
          expiry: new SurveyExpiryStore(models, writer),
        },
        intervalMs: config.CAMPAIGN_SWEEP_INTERVAL_MS,
        logger,
      }),
    };
  },
  createContext,
  consumers,
});
