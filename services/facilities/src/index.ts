import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { loadFacilitiesConfig } from './config.js';
import { createContext, type FacilitiesContext, type FacilitiesDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';
import { ContractExpiryStore } from './repository/contract-expiry.repository.js';
import { Residencies } from './repository/residencies.repository.js';
import { contractExpiry } from './scheduler/contract-expiry.js';
import { MaintenanceScheduler } from './scheduler/maintenance-scheduler.js';

const DAY_MS = 86_400_000;

const config = loadFacilitiesConfig();

await runSubgraphService<FacilitiesDeps, FacilitiesContext>({
  name: 'facilities',
  topic: TOPICS.facilities,
  defaultDatabase: 'facilities',
  typeDefs: loadTypeDefs(new URL('./schema/facilities.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer, logger, every }) => {
    const models = await createModels(connection);
    if (config.MAINTENANCE_SCAN_INTERVAL_MS > 0) {
      const maintenance = new MaintenanceScheduler({
        models,
        writer,
        horizonMs: config.MAINTENANCE_HORIZON_DAYS * DAY_MS,
        catchUpMs: config.MAINTENANCE_CATCH_UP_DAYS * DAY_MS,
        batchSize: config.MAINTENANCE_SCAN_BATCH,
        logger,
      });
      every({
        name: 'maintenance scan',
        intervalMs: config.MAINTENANCE_SCAN_INTERVAL_MS,
        tick: (now) => maintenance.tick(now),
      });
    }
    const expiry = contractExpiry(new ContractExpiryStore(models, writer), {
      leads: config.CONTRACT_EXPIRY_LEAD_DAYS,
      timeZone: config.FACILITIES_TIME_ZONE,
    });
    every({
      name: 'service contract expiry',
      intervalMs: config.CONTRACT_EXPIRY_SWEEP_INTERVAL_MS,
      immediately: true,
      tick: async (now) => {
        const { warnings } = await expiry.tick(now);
        if (warnings > 0) logger.info({ warnings }, 'service contract expiry warnings sent');
      },
    });
    return { models, writer, config, residencies: new Residencies(models, writer) };
  },
  createContext,
  consumers,
});
