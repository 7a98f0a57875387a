import { AggregateWriter } from '@courtyard/kernel';
import mongoose from 'mongoose';
import { createModels } from '../../services/work-orders/src/repository/models.js';
import { SlaScheduler } from '../../services/work-orders/src/scheduler/sla-scheduler.js';

export const CHAIN_TITLES = ['总服务台', '服务处主管', '管理处主任', '总经理'];

/**
 * A work-orders SLA scheduler of the test's own, on its own connection to the suite's
 * work-orders database, driven by `tick(now)` (the suite's services run none: SLA_SCAN_INTERVAL_MS
 * is 0). Its writes carry their events in the outbox, which the suite's work-orders relays to
 * Kafka, as a scheduler replica's would be. `close` is a replica going away (a restart).
 */
export async function startTestScheduler(database = 'work_orders') {
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: database })
    .asPromise();
  const scheduler = new SlaScheduler({
    models: await createModels(connection),
    db: connection.db!,
    writer: new AggregateWriter(() => undefined),
    chainTitles: CHAIN_TITLES,
    confirmationWaitHours: 48,
    batchSize: 5_000,
  });
  return { tick: (now: Date) => scheduler.tick(now), close: () => connection.close() };
}
