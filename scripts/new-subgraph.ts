// `npm run new:subgraph <name> [-- --aggregate Name --plural names --port N --no-install]`: creates
// services/<name>/ from scripts/templates/subgraph/ and registers it everywhere a subgraph is
// listed (schema/supergraph.yaml, codegen.yml, docker-compose.yml; test support, start-up and
// the gateway read supergraph.yaml), then regenerates what depends on the list.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { TOPICS } from '@courtyard/kernel';
import { subgraphNames, tokens } from './lib/scaffold/names.js';
import {
  nextPort,
  registerInCodegen,
  registerInCompose,
  registerInSupergraph,
} from './lib/scaffold/register.js';
import { renderTemplate } from './lib/scaffold/render.js';
import { ROOT } from './lib/subgraphs.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    aggregate: { type: 'string' },
    plural: { type: 'string' },
    port: { type: 'string' },
    'no-install': { type: 'boolean', default: false },
  },
});
const [name] = positionals;
if (!name || positionals.length > 1) {
  console.error(
    'usage: npm run new:subgraph <kebab-name> [-- --aggregate PascalName --plural kebab-plural --port N]',
  );
  process.exit(2);
}

const knownTopic = Object.values(TOPICS).find((topic) => topic === `${name.replace(/-/g, '')}.events`);
const names = subgraphNames(name, {
  ...(values.aggregate ? { aggregate: values.aggregate } : {}),
  ...(values.plural ? { plural: values.plural } : {}),
  ...(knownTopic ? { topic: knownTopic } : {}),
});
if (existsSync(`${ROOT}services/${name}`)) {
  console.error(`services/${name} already exists`);
  process.exit(1);
}

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const supergraph = read('schema/supergraph.yaml');
const port = values.port ? Number(values.port) : nextPort(supergraph);
if (!Number.isInteger(port) || port < 1024 || port > 65535) {
  console.error(`--port must be a port number from 1024 to 65535, not ${values.port}`);
  process.exit(2);
}
// Every edit is computed before anything is written, so a refusal leaves the tree untouched.
const edits: Array<{ path: string; content: string }> = [
  ...renderTemplate(`${ROOT}scripts/templates/subgraph`, tokens(names, port)),
  { path: 'schema/supergraph.yaml', content: registerInSupergraph(supergraph, names, port) },
  { path: 'codegen.yml', content: registerInCodegen(read('codegen.yml'), names) },
  { path: 'docker-compose.yml', content: registerInCompose(read('docker-compose.yml'), names, port) },
];
for (const edit of edits) {
  mkdirSync(dirname(`${ROOT}${edit.path}`), { recursive: true });
  writeFileSync(`${ROOT}${edit.path}`, edit.content);
  console.log(`wrote ${edit.path}`);
}

const npm = (...args: string[]) => execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
if (!values['no-install']) npm('install', '--no-audit', '--no-fund');
// Compose first: the typed client's codegen reads the schema/api.graphql that compose writes.
npm('run', 'compose');
npm('run', 'codegen');
npm('run', 'events:types');
npm('run', 'catalogue');
execFileSync('npx', ['prettier', '--write', ...edits.map((edit) => edit.path)], {
  cwd: ROOT,
  stdio: 'inherit',
});
console.log(`
services/${name} is ready on port ${port}. Next (services/README.md has each step):
  - rename or replace the example aggregate ${names.aggregate.pascal} with the real ones;
  - run \`npm run events:publish\` once its event schemas are final;
  - \`npm start\` composes it; \`npm test\` holds it to the same suites as every subgraph.`);
