// Regenerates resolver types and fails if that changed anything: generated code is committed
// and must match the SDL.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from './lib/subgraphs.js';

const config = parse(readFileSync(`${ROOT}codegen.yml`, 'utf8')) as { generates: Record<string, unknown> };
const targets = Object.keys(config.generates);
const read = (file: string) => (existsSync(`${ROOT}${file}`) ? readFileSync(`${ROOT}${file}`, 'utf8') : null);
const before = new Map(targets.map((file) => [file, read(file)]));

execFileSync('npx', ['graphql-codegen', '--config', 'codegen.yml', '--silent'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const stale = targets.filter((file) => read(file) !== before.get(file));
if (stale.length > 0) {
  console.error(
    `Generated resolver types were stale (now regenerated; commit them):\n  ${stale.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('generated resolver types are up to date');
