// Locates the JDK tools and compiles the Mongo launcher with plain javac (no Maven build: one class,
// and javac takes about a second where a Maven compile would add plugin downloads on a fresh machine).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lastLines, runCommand } from './exec.js';
import { COMPLETE_MARKER, hashContent, publish } from './maven.js';

/** JAVA_HOME wins over PATH, the same rule Maven and the Kafka scripts follow. */
export function javaTool(tool: 'java' | 'javac'): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', tool) : tool;
}

/** A JVM classpath of directories and `dir/*` jar wildcards (expanded by the JVM, not the shell). */
export function classpath(...entries: string[]): string {
  return entries.join(path.delimiter);
}

/**
 * Compiles `sources` against the jars in `libsDir` into <cacheDir>/<name>/<hash>/classes, where the
 * hash covers the pom and the sources, so editing either triggers a rebuild and nothing else does.
 */
export async function compileJava(options: {
  name: string;
  cacheDir: string;
  libsDir: string;
  pomPath: string;
  sources: string[];
  log?: (line: string) => void;
}): Promise<string> {
  const contents = await Promise.all([options.pomPath, ...options.sources].map((file) => readFile(file)));
  const base = path.join(options.cacheDir, options.name, hashContent(...contents));
  const classes = path.join(base, 'classes');
  if (existsSync(path.join(classes, COMPLETE_MARKER))) return classes;

  await mkdir(base, { recursive: true });
  const staging = path.join(base, `classes.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    options.log?.(`${options.name}: compiling launcher into ${classes}`);
    const result = await runCommand(javaTool('javac'), [
      '-encoding',
      'UTF-8',
      '--release',
      '17',
      '-d',
      staging,
      '-cp',
      path.join(options.libsDir, '*'),
      ...options.sources,
    ]);
    if (result.code !== 0) {
      throw new Error(`javac failed (exit ${result.code}):\n${lastLines(result.output, 30)}`);
    }
    await writeFile(path.join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    await publish(staging, classes);
    return classes;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
