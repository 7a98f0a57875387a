import { loadTypeDefs, runSubgraphService, TOPICS } from '@courtyard/kernel';
import { createPropertyCache } from './repository/property-projection.repository.js';
import { loadWorkOrdersConfig } from './config.js';
import { createContext, type WorkOrdersContext, type WorkOrdersDeps } from './context.js';
import { consumers } from './events/consumers/index.js';
import { resolvers } from './resolvers/index.js';
import { accessRules } from './schema/access.js';
import { createModels, OUTBOX_COLLECTIONS } from './repository/models.js';
import { IncidentScheduler } from './scheduler/incident-scheduler.js';
import { RegisterStore } from './repository/register.repository.js';
import { RegisterJob } from './scheduler/register-job.js';
import { ReportDues } from './scheduler/report-dues.js';
import { SlaScheduler } from './scheduler/sla-scheduler.js';

const config = loadWorkOrdersConfig();

await runSubgraphService<WorkOrdersDeps, WorkOrdersContext>({
  name: 'work-orders',
  topic: TOPICS.workOrders,
  defaultDatabase: 'work_orders',
  typeDefs: loadTypeDefs(new URL('./schema/work-orders.graphql', import.meta.url)),
  resolvers,
  accessRules,
  outboxCollections: OUTBOX_COLLECTIONS,
  setup: async ({ connection, writer, logger, every }) => {
    const models = await createModels(connection);
    const db = connection.db!;
    if (config.SLA_SCAN_INTERVAL_MS > 0) {
      const sla = new SlaScheduler({
        models,
        db,
        writer,
        chainTitles: config.ESCALATION_CHAIN_TITLES,
        confirmationWaitHours: config.CONFIRMATION_WAIT_HOURS,
        batchSize: config.SLA_SCAN_BATCH,
        logger,
      });
      every({ name: 'SLA scan', intervalMs: config.SLA_SCAN_INTERVAL_MS, tick: (now) => sla.tick(now) });
      // Incidents nobody took escalate on the same beat (seed 001-G).
      const incidents = new IncidentScheduler({
        models,
        writer,
        chainTitles: config.ESCALATION_CHAIN_TITLES,
        batchSize: config.SLA_SCAN_BATCH,
        logger,
      });
      every({
        name: 'incident scan',
        intervalMs: config.SLA_SCAN_INTERVAL_MS,
        tick: (now) => incidents.tick(now),
      });
    }
    if (config.REGISTER_JOB_INTERVAL_MS > 0) {
      const register = new RegisterJob({
        store: new RegisterStore(models, writer),
        batchSize: config.REGISTER_BATCH,
        logger,
      });
      every({
        name: 'register job',
        intervalMs: config.REGISTER_JOB_INTERVAL_MS,
        tick: (now) => register.run(now),
      });
    }
    if (config.SLA_REPORT_DUE_INTERVAL_MS > 0) {
      const dues = new ReportDues({ models, writer, logger });
      every({
        name: 'SLA report dues',
        intervalMs: config.SLA_REPORT_DUE_INTERVAL_MS,
        tick: (now) => dues.tick(now),
      });
    }
    return { models, db, writer, config, propertyCache: createPropertyCache(models) };
  },
  createContext,
  consumers,
});
