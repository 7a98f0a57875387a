import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { createContext, type ResidentsContext, type ResidentsDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';

await runSubgraphService<ResidentsDeps, ResidentsContext>({
  name: 'residents',
  topic: TOPICS.residents,
  defaultDatabase: 'residents',
  typeDefs: loadTypeDefs(new URL('./schema/residents.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer }) => ({ models: await createModels(connection), writer }),
  createContext,
  consumers,
});
