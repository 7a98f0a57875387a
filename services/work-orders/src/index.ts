import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { loadWorkOrdersConfig } from './config.js';
import { createContext, type WorkOrdersContext, type WorkOrdersDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';

const config = loadWorkOrdersConfig();

await runSubgraphService<WorkOrdersDeps, WorkOrdersContext>({
  name: 'work-orders',
  topic: TOPICS.workOrders,
  defaultDatabase: 'work_orders',
  typeDefs: loadTypeDefs(new URL('./schema/work-orders.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer }) => ({
    models: await createModels(connection),
    db: connection.db!,
    writer,
    config,
  }),
  createContext,
  consumers,
});
