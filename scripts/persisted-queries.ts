// Builds schema/persisted-queries.json, the partner safelist, from schema/operations/*.graphql
// (one named operation per file), validating each against the composed supergraph's API schema.
// `--check` fails when the committed manifest is stale, or schema/partners.json grants an
// operation the manifest does not list.
import { readFileSync, readdirSync } from 'node:fs';
import { loadApiSchema } from '../gateway/src/persisted/api-schema.js';
import { buildManifest } from '../gateway/src/persisted/build-manifest.js';
import { indexManifest } from '../gateway/src/persisted/manifest.js';
import { readPartners } from '../gateway/src/persisted/partners.js';
import { writeOrCheck } from './lib/generated-file.js';
import { ROOT } from './lib/subgraphs.js';

const target = 'schema/persisted-queries.json';
const check = process.argv.includes('--check');

const sources = readdirSync(`${ROOT}schema/operations`)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({
    file: `schema/operations/${file}`,
    text: readFileSync(`${ROOT}schema/operations/${file}`, 'utf8'),
  }));
const schema = await loadApiSchema(readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'));
const result = buildManifest(sources, schema);
if (result.errors.length || !('manifest' in result)) {
  console.error('Persisted operations are invalid (fix them, or run `npm run compose` if the schema moved):');
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}

try {
  const partners = JSON.parse(readFileSync(`${ROOT}schema/partners.json`, 'utf8')) as unknown;
  readPartners(partners, indexManifest(result.manifest, target), 'schema/partners.json');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const manifest = `${JSON.stringify(result.manifest, null, 2)}\n`;
writeOrCheck({
  path: `${ROOT}${target}`,
  content: manifest,
  name: `${target} (${result.manifest.operations.length} operations)`,
  command: 'persisted:build',
  check,
});
