import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { ROOT } from '../../scripts/lib/subgraphs.js';

/**
 * The gateway and kernel of a git ref, laid out so they run beside the working tree's: under
 * `.infra/` (two levels below the root, as the relative links expect), sharing the installed
 * packages, the schema files and the supergraph, with `@courtyard/kernel` resolving to the
 * ref's own kernel. Returns the directory to start `gateway/src/index.ts` from.
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
  symlinkSync('../../../gateway/node_modules', `${dir}/gateway/node_modules`);
  symlinkSync('../../../kernel/node_modules', `${dir}/kernel/node_modules`);
  symlinkSync('../../schema', `${dir}/schema`);
  symlinkSync('../../kernel', `${dir}/node_modules/@courtyard/kernel`);
  return `${dir}/`;
}
