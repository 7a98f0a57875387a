import { AggregateWriter } from '@courtyard/kernel';
import mongoose from 'mongoose';
import { createModels } from '../../services/work-orders/src/repository/models.js';
import { RegisterStore } from '../../services/work-orders/src/repository/register.repository.js';
import { RegisterJob } from '../../services/work-orders/src/scheduler/register-job.js';
import { ReportDues } from '../../services/work-orders/src/scheduler/report-dues.js';
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

/**
 * The register job and the SLA-report announcer of work-orders, like a replica would run them, on
 * their own connection, driven by an injected clock (`run(now)`, `tick(now)`), narrowed to the
 * test's properties so other suites' requests stay as they are. `batchSize` small, so a register
 * takes several batches. `close` is the replica going away.
 */
export async function startTestRegisterJob(batchSize = 2, database = 'work_orders') {
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: database })
    .asPromise();
  const models = await createModels(connection);
  const writer = new AggregateWriter(() => undefined);
  const job = new RegisterJob({ store: new RegisterStore(models, writer), batchSize });
  const dues = new ReportDues({ models, writer });
  return {
    run: (now: Date, propertyIds: string[]) => job.run(now, propertyIds),
    dues: (now: Date, propertyIds: string[]) => dues.tick(now, propertyIds),
    models,
    close: () => connection.close(),
  };
}
