// Detached server processes and their pid files.
//
// A pid file records what `up` started in an infra dir, so `down` stops exactly that and nothing
// else. A pid alone is not proof: after a reboot or a crash the number may belong to another
// process, so "running" also requires the process's command line to still contain the markers
// recorded at start (the main class and -Dcourtyard.infra.dir=<dir>).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { missingToolError } from './exec.js';

export interface PidRecord {
  name: string;
  pid: number;
  /** Address clients use, 127.0.0.1:PORT. */
  address: string;
  port: number;
  /** Each must appear as an argument of the process for the pid to count as ours. */
  markers: string[];
  logFile: string;
  startedAt: string;
  /** Server-specific facts that must match on reuse (e.g. the Mongo backend). */
  details?: Record<string, string>;
}

export interface ManagedServer {
  name: string;
  pid: number;
  address: string;
  logFile: string;
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Time a server gets to shut down cleanly on SIGTERM before it is killed. */
export const STOP_GRACE_MS = 15_000;

export async function writePidFile(file: string, record: PidRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(tmp, file);
}

export async function readPidFile(file: string): Promise<PidRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isPidRecord(value)) return value;
  } catch {
    // A torn or hand-edited file counts as absent: nothing we can safely signal.
  }
  return undefined;
}

function isPidRecord(value: unknown): value is PidRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.name === 'string' &&
    typeof r.pid === 'number' &&
    Number.isInteger(r.pid) &&
    r.pid > 0 &&
    typeof r.address === 'string' &&
    typeof r.port === 'number' &&
    Array.isArray(r.markers) &&
    r.markers.every((m) => typeof m === 'string') &&
    typeof r.logFile === 'string' &&
    typeof r.startedAt === 'string'
  );
}

/** Removes the pid file only if it still describes `pid` (a newer start may have replaced it). */
export async function removePidFile(file: string, pid: number): Promise<void> {
  const record = await readPidFile(file);
  if (!record || record.pid === pid) await rm(file, { force: true });
}

/** True if the pid exists and is not a zombie (a killed child that nobody reaped yet still answers kill 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; it counts as alive, and the marker check decides.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProcFile(`/proc/${pid}/stat`);
  if (stat === undefined) return true; // not Linux: kill 0 is all we have
  // Format: "pid (comm) S ..."; comm may contain spaces or parentheses, so split at the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

function readProcFile(file: string): string | undefined {
  try {
    // Sync on purpose: a /proc read is a few hundred bytes from memory, and it keeps isAlive() simple.
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The process's argv, or undefined when it cannot be read (not Linux, or the process is gone). */
export function commandLine(pid: number): string[] | undefined {
  const raw = readProcFile(`/proc/${pid}/cmdline`);
  if (raw === undefined) return undefined;
  return raw.split('\0').filter((arg) => arg !== '');
}

export function isRecordRunning(record: PidRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const args = commandLine(record.pid);
  // No /proc at all (macOS): kill 0 is the only evidence. With /proc, unreadable means gone.
  if (args === undefined) return !existsSync('/proc');
  return record.markers.every((marker) => args.includes(marker));
}

/** Resolves once `pid` is gone; false if it is still there after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(50);
  }
  return true;
}

/** SIGTERM (then SIGKILL after STOP_GRACE_MS), or SIGKILL straight away; resolves when the process is gone. */
export async function stopPid(pid: number, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (!sendSignal(pid, signal)) return;
  if (await waitForExit(pid, STOP_GRACE_MS)) return;
  if (signal === 'SIGTERM') {
    sendSignal(pid, 'SIGKILL');
    if (await waitForExit(pid, STOP_GRACE_MS)) return;
  }
  throw new Error(`process ${pid} did not exit after ${signal}${signal === 'SIGTERM' ? ' and SIGKILL' : ''}`);
}

function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** A handle on a recorded server; stop() also removes its pid file. */
export function managedServer(record: PidRecord, pidFile: string): ManagedServer {
  return {
    name: record.name,
    pid: record.pid,
    address: record.address,
    logFile: record.logFile,
    async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
      if (isRecordRunning(record)) await stopPid(record.pid, signal);
      await removePidFile(pidFile, record.pid);
      await waitForPortClosed(record.port);
    },
  };
}

/**
 * A killed JVM's main thread turns zombie while its other threads still tear down, and its
 * listening socket closes only when the last of them is gone: wait for that, so a restart on
 * the same port does not find it taken.
 */
async function waitForPortClosed(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await isPortListening(port, 250)) {
    if (Date.now() > deadline)
      throw new Error(`127.0.0.1:${port} is still in use ${timeoutMs} ms after the server stopped`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts a long-running server in its own process group (so a Ctrl-C in the terminal that ran `up`
 * does not reach it) with stdout and stderr appended to `logFile`, and lets this process exit
 * without waiting for it. Rejects if the executable cannot be started at all.
 */
export async function spawnDetached(
  command: string,
  args: string[],
  logFile: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ pid: number; exited: () => boolean }> {
  await mkdir(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  writeSync(fd, `\n=== ${new Date().toISOString()} starting: ${command} ${args.join(' ')}\n`);
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? missingToolError(command) : error),
      );
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`${command} started without a pid`);
    return { pid: child.pid, exited: () => exited };
  } finally {
    closeSync(fd);
  }
}

/**
 * True if a server accepts connections on 127.0.0.1:port. A connect probe rather than a trial bind:
 * right after a server is killed, its closed connections linger (LAST_ACK, TIME_WAIT) on the port,
 * which can make a bind fail although nothing listens and the next server binds fine.
 */
export function isPortListening(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (listening: boolean): void => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(true)); // something holds the port but does not answer
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A free port for servers started by tests, chosen below the kernel's ephemeral range: a probe
 * that connects to an ephemeral-range port nobody listens on can be handed that same port as
 * its source and connect to itself (TCP self-connect), which looks like "port in use".
 */
export async function findFreePort(low = 20_000, high = 32_000): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canBind(port)) return port;
  }
  throw new Error(`could not find a free port between ${low} and ${high}`);
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Last `lines` lines of a log file ('' if it does not exist); reads only the end of big files. */
export async function tailFile(file: string, lines = 20): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    await handle.close();
  }
}
