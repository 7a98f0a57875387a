import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/subgraphs.js';

/** Runs `npm run catalogue:check` as CI does, on a copy of the schemas and the README. */
const check = (root: string) => {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/event-catalogue.ts'), '--check', '--root', root],
    { encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('catalogue:check and the schemas’ examples', () => {
  let root: string;
  const schemaFile = (name: string) => join(root, 'schema/events', name);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'event-catalogue-'));
    cpSync(join(ROOT, 'schema/events'), join(root, 'schema/events'), { recursive: true });
    copyFileSync(join(ROOT, 'README.md'), join(root, 'README.md'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes on the committed schemas and README', () => {
    expect(check(root)).toMatchObject({ status: 0 });
  });

  it('fails, naming the example and the field, when an example omits a required field', () => {
    const schema = JSON.parse(readFileSync(schemaFile('workorder.assigned.v1.json'), 'utf8')) as {
      examples: Array<{ data: Record<string, unknown> }>;
    };
    delete schema.examples[0]!.data.assigneeIds;
    writeFileSync(schemaFile('workorder.assigned.v1.json'), JSON.stringify(schema));

    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "workorder.assigned.v1.json examples[0]: /data must have required property 'assigneeIds'",
    );
  });

  it('fails when an example carries a property its producer may not publish', () => {
    const schema = JSON.parse(readFileSync(schemaFile('property.created.v1.json'), 'utf8')) as {
      examples: Array<{ data: Record<string, unknown> }>;
    };
    schema.examples[0]!.data.openedOn = '2026-12-01';
    writeFileSync(schemaFile('property.created.v1.json'), JSON.stringify(schema));

    expect(check(root).output).toContain(
      'property.created.v1.json examples[0]: /data must NOT have unevaluated properties: openedOn',
    );
  });
});
