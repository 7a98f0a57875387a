import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { loadSurveysConfig } from './config.js';
import { createContext, type SurveysContext, type SurveysDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { workOrdersDirectory } from './events/work-orders-directory.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';

const config = loadSurveysConfig();

await runSubgraphService<SurveysDeps, SurveysContext>({
  name: 'surveys',
  topic: TOPICS.surveys,
  defaultDatabase: 'surveys',
  typeDefs: loadTypeDefs(new URL('./schema/surveys.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer, config: base }) => ({
    models: await createModels(connection),
    writer,
    config,
    directory: workOrdersDirectory(config.SUBGRAPH_URL_WORK_ORDERS, base.INTERNAL_AUTH_SECRET),
  }),
  createContext,
  consumers,
});
