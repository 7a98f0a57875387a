// Writes the event catalogue into README.md (between the catalogue markers) from
// schema/events/*.json; `--check` fails when the README is stale, and both fail when a schema's
// `examples` are not events its producer could publish (the closed form).
// `--root <dir>` points it at another checkout (the tests run it on a temporary copy).
import { readFileSync } from 'node:fs';
import { isEventTypeFile } from '@courtyard/kernel';
import { readSchemaDirectory, schemaDirectory } from './lib/event-compat/baseline.js';
import { invalidExamples } from './lib/event-catalogue/examples.js';
import { resolvedSchema } from './lib/event-schemas/index.js';
import { writeOrCheck } from './lib/generated-file.js';
import { ROOT } from './lib/subgraphs.js';

interface FieldSchema {
  type?: string;
  enum?: string[];
  format?: string;
}
interface EventSchema {
  title: string;
  description: string;
  'x-topic': string;
  'x-key': string;
  properties: { data: { properties: Record<string, FieldSchema>; required: string[] } };
  examples?: Array<{ data: unknown }>;
}

const START = '<!-- event-catalogue:start -->';
const END = '<!-- event-catalogue:end -->';
const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 ? `${args[rootIndex + 1]}/` : ROOT;
const directory = schemaDirectory(root);

const problems = invalidExamples(directory);
if (problems.length > 0) {
  console.error(
    [
      'Schema examples that are not valid events of their type (closed form, as producers are held to):',
      ...problems.map((problem) => `  ${problem}`),
      'Fix the example in schema/events/ (it is what the catalogue shows and what consumer tests replay).',
    ].join('\n'),
  );
  process.exit(1);
}

const describeField = (field: FieldSchema) =>
  field.enum
    ? field.enum.map((value) => `\`${value}\``).join(' \\| ')
    : `${field.type ?? 'any'}${field.format ? ` (${field.format})` : ''}`;

const files = readSchemaDirectory(directory);
const sections = await Promise.all(
  Object.keys(files)
    .filter(isEventTypeFile)
    .sort()
    .map(async (file) => {
      // Resolved: the fields a shared definition contributes are listed as the type's own.
      const schema = (await resolvedSchema(files, file)) as unknown as EventSchema;
      const [, , version] = schema.title.split('.');
      const data = schema.properties.data;
      const fields = Object.entries(data.properties)
        .map(
          ([name, field]) =>
            `| \`${name}\` | ${describeField(field)} | ${data.required.includes(name) ? 'yes' : 'no'} |`,
        )
        .join('\n');
      return [
        `#### \`${schema.title}\``,
        '',
        `${schema.description} Topic \`${schema['x-topic']}\`, version ${version}, key = ${schema['x-key']} (aggregate id), schema [\`schema/events/${file}\`](schema/events/${file}).`,
        '',
        '| field | type | required |',
        '| --- | --- | --- |',
        fields,
        '',
        'Example `data`:',
        '',
        '```json',
        JSON.stringify(schema.examples?.[0]?.data ?? {}, null, 2),
        '```',
      ].join('\n');
    }),
);

const catalogue = `${START}\n${sections.join('\n\n')}\n${END}`;
const readme = readFileSync(`${root}README.md`, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) {
  console.error('README.md has no event catalogue markers');
  process.exit(1);
}
const updated = `${readme.slice(0, start)}${catalogue}${readme.slice(end + END.length)}`;
writeOrCheck({
  path: `${root}README.md`,
  content: updated,
  name: 'the event catalogue in README.md',
  command: 'catalogue',
  check: args.includes('--check'),
});
