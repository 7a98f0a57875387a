// Every type, field, argument, input field and enum value of the client-facing schema
// (schema/api.graphql, written by `npm run compose`) has a description. Run after compose, so
// it covers whatever any subgraph adds; each finding names the schema coordinate and the SDL
// file to write the description in.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { buildSchema, parse, type DocumentNode } from 'graphql';
import { listSubgraphs, ROOT } from './lib/subgraphs.js';

/** The file to check, relative to the repository root; another may be named (used by its test). */
const API_SCHEMA = process.argv[2] ?? 'schema/api.graphql';

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.graphql'],
      // The rule reads the schema itself (for root fields): the same file.
      languageOptions: {
        parser: graphqlPlugin.parser,
        parserOptions: { graphQLConfig: { schema: API_SCHEMA } },
      },
      plugins: { '@graphql-eslint': graphqlPlugin as unknown as ESLint.Plugin },
      rules: {
        '@graphql-eslint/require-description': [
          'error',
          {
            types: true,
            rootField: true,
            FieldDefinition: true,
            InputValueDefinition: true,
            EnumValueDefinition: true,
            DirectiveDefinition: true,
          },
        ],
      },
    },
  ],
});

/** Which subgraph SDL files define each type, so a finding says where to write. */
function definedIn(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const subgraph of listSubgraphs()) {
    const document: DocumentNode = parse(readFileSync(subgraph.sdlPath, 'utf8'));
    const file = subgraph.sdlPath.replace(ROOT, '');
    for (const definition of document.definitions)
      if ('name' in definition && definition.name)
        owners.set(definition.name.value, [...(owners.get(definition.name.value) ?? []), file]);
  }
  return owners;
}

const source = readFileSync(`${ROOT}${API_SCHEMA}`, 'utf8');
buildSchema(source); // a broken file is a compose problem: fail loudly before linting it
const [result] = await eslint.lintText(source, { filePath: `${ROOT}${API_SCHEMA}` });
const findings = result?.messages ?? [];
if (findings.length === 0) {
  console.log(`${API_SCHEMA}: every type, field, argument, input field and enum value has a description`);
  process.exit(0);
}
const owners = definedIn();
const lines = source.split('\n');
console.error(
  `${API_SCHEMA}: ${findings.length} element(s) without a description (@graphql-eslint/require-description):`,
);
for (const finding of findings) {
  const typeName = enclosingType(lines, finding.line);
  const where = typeName ? (owners.get(typeName) ?? []).join(', ') : '';
  console.error(
    `  ${API_SCHEMA}:${finding.line}:${finding.column}  ${finding.message}${where ? `  [write it in ${where}]` : ''}`,
  );
}
console.error('Describe each in the subgraph SDL that defines it, then run `npm run compose`.');
process.exit(1);

/** The type whose block holds a line of the printed schema (printSchema puts one per block). */
function enclosingType(all: string[], line: number): string | undefined {
  for (let index = line - 1; index >= 0; index -= 1) {
    const match = /^(?:type|input|enum|interface|union|scalar)\s+(\w+)/.exec(all[index] ?? '');
    if (match) return match[1];
    if (index < line - 1 && all[index] === '}') return undefined;
  }
  return undefined;
}
