import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface NodeService {
  name: string;
  url: string;
  baseUrl: string;
  logFile: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const tail = (file: string, lines = 30) => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Runs a TypeScript entry point under tsx, logging to a file, and waits until /readyz says ready. */
/** A subgraph's /readyz says its topics and consumers are set up and publishing works. */
export const publishing = (body: unknown): boolean =>
  (body as { checks?: { publishing?: string } } | null)?.checks?.publishing === 'up';

export async function startNodeService(options: {
  name: string;
  entry: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyTimeoutMs?: number;
  /**
   * What the /readyz body must also say (a subgraph is ready without its broker; a caller that
   * needs its events flowing and its consumers started waits for `publishing: up`).
   */
  readyWhen?: (body: unknown) => boolean;
  /** Node flags before the entry (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}): Promise<NodeService> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // COURTYARD_READY_TIMEOUT_MS: a machine shared by many suites may need longer than a minute.
  const deadline =
    Date.now() + (options.readyTimeoutMs ?? (Number(process.env.COURTYARD_READY_TIMEOUT_MS) || 60_000));
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited during start-up; log ${options.logFile}:\n${tail(options.logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok && (!options.readyWhen || options.readyWhen(await response.json()))) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} not ready in time; log ${options.logFile}:\n${tail(options.logFile)}`);
    }
    await sleep(150);
  }
  return {
    name: options.name,
    url: `${baseUrl}/graphql`,
    baseUrl,
    logFile: options.logFile,
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
