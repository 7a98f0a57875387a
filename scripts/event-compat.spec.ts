import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/subgraphs.js';

/** Runs the CI command (`npm run events:compat` / `events:publish`) on a copy of the schemas. */
const run = (root: string, ...flags: string[]) => {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/event-compat.ts'), '--root', root, ...flags],
    {
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('events:compat and events:publish, as CI runs them', () => {
  let root: string;
  const schemaFile = (name: string) => join(root, 'schema/events', name);
  const lock = () => readFileSync(join(root, 'schema/events.lock.json'), 'utf8');
  const editSchema = (name: string, edit: (schema: Record<string, unknown>) => void) => {
    const schema = JSON.parse(readFileSync(schemaFile(name), 'utf8')) as Record<string, unknown>;
    edit(schema);
    writeFileSync(schemaFile(name), JSON.stringify(schema, null, 2));
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'event-compat-'));
    cpSync(join(ROOT, 'schema/events'), join(root, 'schema/events'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails while a schema is not recorded, and passes once published', () => {
    const unrecorded = run(root);
    expect(unrecorded.status).toBe(1);
    expect(unrecorded.output).toContain('workorder.assigned.v1.json: unpublished');

    expect(run(root, '--publish').status).toBe(0);
    expect(run(root)).toMatchObject({ status: 0 });
  });

  it('exits non-zero on a breaking change, and publish refuses it without touching the lock', () => {
    const published = lock();
    const original = readFileSync(schemaFile('workorder.common.json'), 'utf8');
    // A shared definition: the change breaks every schema that references it.
    editSchema('workorder.common.json', (schema) => {
      const data = (schema.$defs as Record<string, { required: string[] }>).data!;
      data.required = data.required.filter((name) => name !== 'dueAt');
    });

    const check = run(root);
    expect(check.status).toBe(1);
    expect(check.output).toContain('workorder.assigned.v1.json: breaking');
    expect(check.output).toContain('BREAKING /properties/data/required: no longer required "dueAt"');
    expect(run(root, '--publish').status).toBe(1);
    expect(lock()).toBe(published);
    writeFileSync(schemaFile('workorder.common.json'), original);
  });

  it('records an optional property added to a published data, which readers ignore until they know it', () => {
    editSchema('workorder.received.v1.json', (schema) => {
      const data = (schema.properties as Record<string, { properties: Record<string, unknown> }>).data!;
      data.properties.intakeNote = { type: 'string' };
    });

    const stale = run(root);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('workorder.received.v1.json: compatible');
    expect(stale.output).toContain('ok /properties/data/properties/intakeNote');
    expect(run(root, '--publish').status).toBe(0);
    expect(run(root).status).toBe(0);
  });

  it('records a new version and a description edit, after which the check passes again', () => {
    editSchema('workorder.assigned.v1.json', (schema) => (schema.description = 'Assigned, with a due time.'));
    const v2 = JSON.parse(readFileSync(schemaFile('workorder.assigned.v1.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      schemaFile('workorder.assigned.v2.json'),
      JSON.stringify({ ...v2, title: 'workorder.assigned.v2' }),
    );

    const stale = run(root);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('workorder.assigned.v1.json: compatible');
    expect(stale.output).toContain('workorder.assigned.v2.json: unpublished');
    expect(run(root, '--publish').status).toBe(0);
    expect(run(root).status).toBe(0);
  });
});
