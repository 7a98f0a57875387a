import { loadTypeDefs, runSubgraphService } from '@courtyard/kernel';
import { createContext, type BillingContext, type BillingDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';

await runSubgraphService<BillingDeps, BillingContext>({
  name: 'billing',
  topic: 'billing.events',
  defaultDatabase: 'billing',
  typeDefs: loadTypeDefs(new URL('./schema/billing.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer }) => ({ models: await createModels(connection), writer }),
  createContext,
  consumers,
});
