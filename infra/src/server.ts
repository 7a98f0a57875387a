// The start-or-reuse lifecycle shared by Kafka and Mongo: reuse a server this infra dir already runs,
// refuse to start on a port someone else holds, otherwise launch, record and wait until ready.
import { rm } from 'node:fs/promises';
import {
  isAlive,
  isPortListening,
  isRecordRunning,
  managedServer,
  readPidFile,
  removePidFile,
  spawnDetached,
  stopPid,
  writePidFile,
  type ManagedServer,
  type PidRecord,
} from './processes.js';
import type { ProcessCheck } from './readiness.js';

export interface Launch {
  command: string;
  args: string[];
  cwd?: string;
}

export interface ServerSpec {
  name: 'kafka' | 'mongo';
  dir: string;
  pidFile: string;
  logFile: string;
  port: number;
  /** Every port the server binds; all must be free before a fresh start. */
  ports: Array<{ port: number; variable: string }>;
  /** Arguments that identify this server of this dir in its command line. */
  markers: string[];
  /** Facts a reused server must share with the request, e.g. the storage backend. */
  details: Record<string, string>;
  /** Provisions (jars, config, storage format) and returns the command to run. */
  prepare(): Promise<Launch>;
  waitReady(check: ProcessCheck): Promise<void>;
  log: (line: string) => void;
}

export async function startOrReuse(spec: ServerSpec): Promise<ManagedServer> {
  const existing = await readPidFile(spec.pidFile);
  if (existing && isRecordRunning(existing)) {
    assertCompatible(spec, existing);
    spec.log(`${spec.name}: already running (pid ${existing.pid}) on ${existing.address}`);
    await spec.waitReady(() => ({
      alive: isRecordRunning(existing),
      description: `pid ${existing.pid} exited`,
    }));
    return managedServer(existing, spec.pidFile);
  }
  if (existing) await rm(spec.pidFile, { force: true }); // stale: the process is gone

  for (const { port, variable } of spec.ports) {
    if (await isPortListening(port)) {
      throw new Error(
        `${spec.name}: 127.0.0.1:${port} is in use by a process not started from ${spec.dir}. ` +
          `Stop it, choose another port with ${variable}, or point MONGO_URL / KAFKA_BROKERS at a server you run yourself.`,
      );
    }
  }

  const launch = await spec.prepare();
  const started = Date.now();
  const child = await spawnDetached(launch.command, launch.args, spec.logFile, {
    cwd: launch.cwd ?? spec.dir,
  });
  const record: PidRecord = {
    name: spec.name,
    pid: child.pid,
    address: `127.0.0.1:${spec.port}`,
    port: spec.port,
    markers: spec.markers,
    logFile: spec.logFile,
    startedAt: new Date(started).toISOString(),
    details: spec.details,
  };
  await writePidFile(spec.pidFile, record);
  try {
    await spec.waitReady(() => ({
      alive: !child.exited() && isAlive(child.pid),
      description: `process ${child.pid} exited`,
    }));
  } catch (error) {
    // Do not leave a half-started server behind holding the ports.
    await stopPid(child.pid, 'SIGKILL').catch(() => undefined);
    await removePidFile(spec.pidFile, child.pid);
    throw error;
  }
  spec.log(
    `${spec.name}: started pid ${child.pid} on ${record.address} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return managedServer(record, spec.pidFile);
}

function assertCompatible(spec: ServerSpec, running: PidRecord): void {
  const mismatches: string[] = [];
  if (running.port !== spec.port) mismatches.push(`port ${running.port} (requested ${spec.port})`);
  for (const [key, value] of Object.entries(spec.details)) {
    const actual = running.details?.[key];
    if (actual !== value) mismatches.push(`${key} ${actual ?? '?'} (requested ${value})`);
  }
  if (mismatches.length > 0) {
    throw new Error(
      `${spec.name} in ${spec.dir} is already running (pid ${running.pid}) with ${mismatches.join(', ')}; ` +
        'run infra:down first or use another COURTYARD_INFRA_DIR',
    );
  }
}
