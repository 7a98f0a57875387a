// Composes schema/supergraph.graphql from the subgraphs' SDL files; `--check` fails when the
// committed file is stale or composition fails.
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { writeOrCheck } from './lib/generated-file.js';
import { listSubgraphs, ROOT } from './lib/subgraphs.js';

const target = `${ROOT}schema/supergraph.graphql`;
const check = process.argv.includes('--check');

const result = composeServices(
  listSubgraphs().map((subgraph) => ({
    name: subgraph.name,
    url: subgraph.routingUrl,
    typeDefs: parse(readFileSync(subgraph.sdlPath, 'utf8')),
  })),
);

if (result.errors) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.toString()}`);

const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
writeOrCheck({
  path: target,
  content: supergraph,
  name: 'schema/supergraph.graphql',
  command: 'compose',
  check,
});
