// Writes the event catalogue into README.md (between the catalogue markers) from
// schema/events/*.json; `--check` fails when the README is stale.
import { readdirSync, readFileSync } from 'node:fs';
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
const directory = `${ROOT}schema/events`;

const describeField = (field: FieldSchema) =>
  field.enum
    ? field.enum.map((value) => `\`${value}\``).join(' \\| ')
    : `${field.type ?? 'any'}${field.format ? ` (${field.format})` : ''}`;

const sections = readdirSync(directory)
  .filter((file) => file.endsWith('.json') && file !== 'envelope.json')
  .sort()
  .map((file) => {
    const schema = JSON.parse(readFileSync(`${directory}/${file}`, 'utf8')) as EventSchema;
    const [, , version] = schema.title.split('.');
    const fields = Object.entries(schema.properties.data.properties)
      .map(
        ([name, field]) =>
          `| \`${name}\` | ${describeField(field)} | ${schema.properties.data.required.includes(name) ? 'yes' : 'no'} |`,
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
  });

const catalogue = `${START}\n${sections.join('\n\n')}\n${END}`;
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) {
  console.error('README.md has no event catalogue markers');
  process.exit(1);
}
const updated = `${readme.slice(0, start)}${catalogue}${readme.slice(end + END.length)}`;
writeOrCheck({
  path: `${ROOT}README.md`,
  content: updated,
  name: 'the event catalogue in README.md',
  command: 'catalogue',
  check: process.argv.includes('--check'),
});
