import type { mongo } from 'mongoose';

/** Where a database records the start-up migrations done: one document per migration. */
export const MIGRATIONS_COLLECTION = 'migrations';

interface MigrationDone {
  _id: string;
  version: number;
  doneAt: Date;
}

export type MigrationRun<T> = { ran: true; result: T } | { ran: false; doneAt: Date };

/**
 * Runs a start-up migration once per database rather than at every start: a migration that
 * scans a whole collection (no index serves "documents without this field") would otherwise
 * cost every restart that scan. The marker `{ _id: name, version }` is written only after the
 * migration succeeded, so a crash in between runs it again at the next start, and raising
 * `version` runs a changed migration once more. Two instances starting together may both run
 * it: a migration run this way must be idempotent (and every one is, since a crash repeats it).
 */
export async function runMigrationOnce<T>(
  db: mongo.Db,
  migration: { name: string; version: number },
  run: () => Promise<T>,
): Promise<MigrationRun<T>> {
  const migrations = db.collection<MigrationDone>(MIGRATIONS_COLLECTION);
  const done = await migrations.findOne({ _id: migration.name });
  if (done && done.version >= migration.version) return { ran: false, doneAt: done.doneAt };
  const result = await run();
  await migrations.updateOne(
    { _id: migration.name },
    { $set: { version: migration.version, doneAt: new Date() } },
    { upsert: true },
  );
  return { ran: true, result };
}
