import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logger.js';
import { mongoCommands } from '../server/metrics.js';
import { traceCommands } from '../tracing/mongo-spans.js';
import { tracingEnabled } from '../tracing/telemetry.js';

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
  /** How long an operation waits for a server before it fails (the database is down). */
  serverSelectionTimeoutMs?: number;
}): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.database,
    monitorCommands: true,
    autoIndex: false,
    autoCreate: false,
    maxPoolSize: options.role === 'api' ? 20 : 5,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    // No queueing while disconnected: mongoose would hold each request for its 10 s buffer
    // timeout; the driver fails it after server selection instead (fast, and retryable).
    bufferCommands: false,
  });
  connection.getClient().on('commandStarted', (event) => {
    mongoCommands.inc({ client: options.role, command: event.commandName });
  });
  if (tracingEnabled()) traceCommands(connection.getClient(), options.database);
  await connection.asPromise();
  options.logger.debug({ database: options.database, role: options.role }, 'mongo connected');
  return connection;
}

/** Liveness of the database for /readyz, answered within `timeoutMs` whatever the server does. */
export async function pingMongo(connection: Connection, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      connection.db!.command({ ping: 1 }).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
