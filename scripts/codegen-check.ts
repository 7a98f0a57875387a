// Regenerates resolver types and the typed client and fails if that changed anything:
// generated code is committed and must match the SDL (and schema/api.graphql).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from './lib/subgraphs.js';

/** Every codegen configuration `npm run codegen` runs, in order. */
const CONFIGS = ['codegen.yml', 'clients/typed/codegen.yml'];

const targets = CONFIGS.flatMap((file) =>
  Object.keys(
    (parse(readFileSync(`${ROOT}${file}`, 'utf8')) as { generates: Record<string, unknown> }).generates,
  ),
);
/** A target is a file, or (for a preset) a folder whose files are all generated. */
const files = (target: string): string[] =>
  existsSync(`${ROOT}${target}`) && statSync(`${ROOT}${target}`).isDirectory()
    ? readdirSync(`${ROOT}${target}`).map((name) => `${target.replace(/\/$/, '')}/${name}`)
    : [target];
const snapshot = () =>
  new Map(
    targets
      .flatMap(files)
      .map((file) => [file, existsSync(`${ROOT}${file}`) ? readFileSync(`${ROOT}${file}`, 'utf8') : null]),
  );

const before = snapshot();
for (const config of CONFIGS)
  execFileSync('npx', ['graphql-codegen', '--config', config, '--silent'], { cwd: ROOT, stdio: 'inherit' });
const after = snapshot();
const stale = [...new Set([...before.keys(), ...after.keys()])].filter(
  (file) => before.get(file) !== after.get(file),
);
if (stale.length > 0) {
  console.error(`Generated code was stale (now regenerated; commit it):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log('generated resolver types and the typed client are up to date');
