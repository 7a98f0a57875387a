import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import mongoose from 'mongoose';
import { findFreePort, loadInfraOptions, startMongo, type ManagedServer } from '@courtyard/infra';
import { ROOT } from '../scripts/lib/subgraphs.js';

/**
 * The MongoDB-wire server a benchmark measures: `MONGO_URL` when it names one (a real MongoDB),
 * else its own launcher on the npm-start default (H2, which uses the indexes as MongoDB does; or
 * the memory backend the gateway bench and the tests run on),
 * in a slot-aware directory (`COURTYARD_TEST_SLOT`) on a free port.
 */
export async function benchMongo(
  name: string,
  mongoBackend: 'h2' | 'memory' = 'h2',
): Promise<{ url: string; server?: ManagedServer }> {
  const given = process.env.MONGO_URL?.trim();
  if (given) return { url: given };
  const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
  const dir = `${ROOT}.infra/bench-${name}${slot === 0 ? '' : `-${slot}`}`;
  rmSync(dir, { recursive: true, force: true });
  const options = {
    ...loadInfraOptions(),
    dir,
    mongoPort: await findFreePort(),
    mongoBackend,
  };
  const server = await startMongo(options, (line) => process.stderr.write(`[infra] ${line}\n`));
  return { url: `mongodb://127.0.0.1:${options.mongoPort}`, server };
}

/** CPU time of every thread of the launcher so far (ns): what a machine shared with other work does not inflate. */
export function serverCpuNs(server: ManagedServer | undefined): number {
  if (!server) return 0;
  let total = 0;
  for (const task of readdirSync(`/proc/${server.pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${server.pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return total;
}

/** Runs one measurement in a database of its own (`<prefix>_<random>`), dropped afterwards. */
export async function inScratchDatabase<T>(
  url: string,
  prefix: string,
  run: (connection: mongoose.Connection) => Promise<T>,
): Promise<T> {
  const connection = await mongoose
    .createConnection(url, { dbName: `${prefix}_${randomUUID().slice(0, 8)}` })
    .asPromise();
  try {
    return await run(connection);
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
}
