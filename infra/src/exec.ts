// Runs a short-lived tool (mvn, javac, Kafka's StorageTool) to completion and captures its output,
// so that a failure can be reported with what the tool actually said.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  output: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Keep only the tail: Maven can print megabytes when it fails, and the end is what explains it. */
const MAX_OUTPUT_CHARS = 64 * 1024;

export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.length > MAX_OUTPUT_CHARS * 2) output = output.slice(-MAX_OUTPUT_CHARS);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? missingToolError(command) : error);
    });
    child.on('close', (code) => resolve({ code, output: output.slice(-MAX_OUTPUT_CHARS) }));
  });
}

export function missingToolError(command: string): Error {
  const hint = command.includes('java')
    ? 'a JDK 17+ (java and javac) must be installed, on PATH or via JAVA_HOME'
    : command.includes('mvn')
      ? 'Maven 3 (mvn) must be installed and on PATH'
      : 'install it or put it on PATH';
  return new Error(`${command} not found: ${hint}`);
}

/** The last `lines` lines of a text, for error messages. */
export function lastLines(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
