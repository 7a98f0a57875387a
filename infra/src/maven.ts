// Resolves the runtime classpath of a pom into the shared cache with Maven, once per pom content.
//
// Layout: <cacheDir>/<name>/<pom hash>/libs/*.jar (+ libs/.complete). The directory is keyed by the
// hash instead of being overwritten in place, so a checkout with another pom version, or a second
// process provisioning at the same moment, never deletes jars out from under a running JVM. The
// directory is built under a temporary name and renamed into place: if it exists, it is complete.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lastLines, runCommand } from './exec.js';

export const COMPLETE_MARKER = '.complete';

export function hashContent(...parts: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const MVN = 'mvn';

/**
 * Returns the directory holding the pom's runtime jars, resolving them first if needed.
 * Tries `mvn -o` (no network, ~4 s when ~/.m2 already has everything) and falls back to an online
 * run, which on a fresh machine downloads the jars and the dependency plugin from Maven Central.
 */
export async function resolveMavenLibs(
  name: string,
  pomPath: string,
  cacheDir: string,
  log: (line: string) => void = () => {},
): Promise<string> {
  const pom = await readFile(pomPath);
  const base = path.join(cacheDir, name, hashContent(pom));
  const libs = path.join(base, 'libs');
  if (existsSync(path.join(libs, COMPLETE_MARKER))) return libs;

  await mkdir(base, { recursive: true });
  const staging = path.join(base, `libs.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const started = Date.now();
    log(`${name}: resolving jars with Maven into ${libs} (first run only)`);
    const common = [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      pomPath,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ];
    let result = await runCommand(MVN, ['-o', ...common], { cwd: base });
    if (result.code !== 0) {
      log(`${name}: offline resolution incomplete, downloading from the Maven repository`);
      result = await runCommand(MVN, ['-ntp', ...common], { cwd: base });
    }
    if (result.code !== 0) {
      throw new Error(
        `Maven could not resolve ${pomPath} (exit ${result.code}):\n${lastLines(result.output, 30)}`,
      );
    }
    await writeFile(path.join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    await publish(staging, libs);
    log(`${name}: jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return libs;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Atomically moves a finished staging directory into place; losing a race to another process is fine. */
export async function publish(staging: string, target: string): Promise<void> {
  try {
    await rename(staging, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(path.join(target, COMPLETE_MARKER))) return;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      // A leftover without its marker (e.g. from before this layout): replace it.
      await rm(target, { recursive: true, force: true });
      await rename(staging, target);
      return;
    }
    throw error;
  }
}
