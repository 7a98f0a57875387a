import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { loadFacilitiesConfig } from './config.js';
import { createContext, type FacilitiesContext, type FacilitiesDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';

const config = loadFacilitiesConfig();

await runSubgraphService<FacilitiesDeps, FacilitiesContext>({
  name: 'facilities',
  topic: TOPICS.facilities,
  defaultDatabase: 'facilities',
  typeDefs: loadTypeDefs(new URL('./schema/facilities.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer }) => ({ models: await createModels(connection), writer, config }),
  createContext,
  consumers,
});
