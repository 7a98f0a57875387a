import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A generated file that is committed: its command writes it, and `--check` (in CI) fails when
 * what is committed differs from what the command would write now. A missing file is stale.
 */
export function writeOrCheck(options: {
  path: string;
  content: string;
  /** How the file is named in messages, e.g. `schema/supergraph.graphql`. */
  name: string;
  /** The npm script that regenerates it. */
  command: string;
  check: boolean;
}): void {
  if (!options.check) {
    writeFileSync(options.path, options.content);
    console.log(`wrote ${options.name}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(options.path, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== options.content) {
    console.error(`${options.name} is stale: run \`npm run ${options.command}\` and commit it.`);
    process.exit(1);
  }
  console.log(`${options.name} is up to date`);
}
