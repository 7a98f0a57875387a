import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logger.js';
import { mongoCommands } from '../server/metrics.js';

export type ConnectionRole = 'api' | 'relay' | 'consumer';

/**
 * One database per subgraph. Each role gets its own pool so that command monitoring can tell
 * request work from background relay/consumer work (the commands-per-query tests read it).
 * No `serverApi` option: the local MongoDB-wire server answers only the legacy handshake.
 */
export async function connectMongo(options: {
  url: string;
  database: string;
  role: ConnectionRole;
  logger: Logger;
}): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.database,
    monitorCommands: true,
    autoIndex: false,
    autoCreate: false,
    maxPoolSize: options.role === 'api' ? 20 : 5,
    serverSelectionTimeoutMS: 10_000,
  });
  connection.getClient().on('commandStarted', (event) => {
    mongoCommands.inc({ client: options.role, command: event.commandName });
  });
  await connection.asPromise();
  options.logger.debug({ database: options.database, role: options.role }, 'mongo connected');
  return connection;
}

/** Liveness of the database for /readyz. */
export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    await connection.db?.command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
