import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * The gateway and kernel of a git ref, laid out so they run beside the working tree's: under
 * `.infra/` (two levels below the root, as the relative links expect), sharing the installed
 * packages, the schema files and the supergraph, with `@courtyard/kernel` resolving to the
 * ref's own kernel. Returns the directory to start `gateway/src/index.ts` from; the caller
 * removes it when done (`removeBaselineCopy`).
 */
export function baselineCopy(ref: string, slot: number): string {
  const dir = `${ROOT}.infra/overhead-baseline${slot === 0 ? '' : `-${slot}`}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/node_modules/@courtyard`, { recursive: true });
  const archive = execFileSync('git', ['archive', ref, 'gateway/src', 'gateway/package.json', 'kernel'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  // Renamed, so jest's module map (which reads every package.json it finds) never sees two
  // @courtyard/kernel packages; Node resolves the copy through the link below, not by name.
  for (const manifest of [`${dir}/kernel/package.json`, `${dir}/gateway/package.json`]) {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
    writeFileSync(manifest, JSON.stringify({ ...json, name: `${json.name}-overhead-baseline` }, null, 2));
  }
  symlinkSync('../../../gateway/node_modules', `${dir}/gateway/node_modules`);
  symlinkSync('../../../kernel/node_modules', `${dir}/kernel/node_modules`);
  symlinkSync('../../schema', `${dir}/schema`);
  symlinkSync('../../kernel', `${dir}/node_modules/@courtyard/kernel`);
  return `${dir}/`;
}

/** Removes the copy (its files would otherwise sit under .infra/ until the next run). */
export function removeBaselineCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
