import { AggregateWriter } from '@courtyard/kernel';
import mongoose from 'mongoose';
import { createModels } from '../../services/work-orders/src/repository/models.js';
import { IncidentScheduler } from '../../services/work-orders/src/scheduler/incident-scheduler.js';
import { CHAIN_TITLES } from './sla-scheduler.js';

/**
 * A work-orders incident scheduler of the test's own (as `startTestScheduler` for requests), on
 * its own connection to the suite's work-orders database, driven by `tick(now)`; its events go
 * out through the suite's work-orders relay.
 */
export async function startTestIncidentScheduler(database = 'work_orders') {
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: database })
    .asPromise();
  const scheduler = new IncidentScheduler({
    models: await createModels(connection),
    writer: new AggregateWriter(() => undefined),
    chainTitles: CHAIN_TITLES,
    batchSize: 5_000,
  });
  return { tick: (now: Date) => scheduler.tick(now), close: () => connection.close() };
}
