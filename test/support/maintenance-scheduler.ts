import { AggregateWriter } from '@courtyard/kernel';
import mongoose from 'mongoose';
import { createModels } from '../../services/facilities/src/repository/models.js';
import { MaintenanceScheduler } from '../../services/facilities/src/scheduler/maintenance-scheduler.js';

const DAY_MS = 86_400_000;

/**
 * A facilities maintenance scheduler of the test's own, on its own connection to the suite's
 * facilities database, driven by `tick(now)` (the suite's services run none:
 * MAINTENANCE_SCAN_INTERVAL_MS is 0). Its tasks carry their events in the outbox, which the
 * suite's facilities relays to Kafka, as a scheduler replica's would be. `close` is a replica
 * going away (a restart).
 */
export async function startMaintenanceScheduler({ horizonDays = 1, catchUpDays = 0 } = {}) {
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL!, { dbName: 'facilities' })
    .asPromise();
  const scheduler = new MaintenanceScheduler({
    models: await createModels(connection),
    writer: new AggregateWriter(() => undefined),
    horizonMs: horizonDays * DAY_MS,
    catchUpMs: catchUpDays * DAY_MS,
    batchSize: 5_000,
  });
  return { tick: (now: Date) => scheduler.tick(now), close: () => connection.close() };
}
