import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../subgraphs.js';
import { compareWithLock, readSchemaDirectory, schemaDirectory } from './baseline.js';
import type { JsonSchema } from './compare-schemas.js';

type Schema = { [keyword: string]: unknown };
type Schemas = Record<string, Schema>;
const published = readSchemaDirectory(schemaDirectory(ROOT)) as Schemas;
const ASSIGNED = 'workorder.assigned.v1.json';
const STARTED = 'workorder.started.v1.json';
const WAITING = 'workorder.waiting_parts.v1.json';
const COMMON = 'workorder.common.json';

/** The report for `file` after `edit` changed a copy of the schemas published as `base`. */
async function reportAfter(file: string, edit: (schemas: Schemas) => void, base: Schemas = published) {
  const after = structuredClone(base);
  edit(after);
  const reports = await compareWithLock(
    base as Record<string, JsonSchema>,
    after as Record<string, JsonSchema>,
  );
  const report = reports.find((entry) => entry.file === file)!;
  return { status: report.status, breaking: report.changes.filter((c) => c.breaking).map((c) => c.path) };
}

/** The type's own `data` (the fields it adds), and the fields every work-order event shares. */
const own = (s: Schemas, file = ASSIGNED) => (s[file]!.properties as { data: Schema }).data;
const ownField = (s: Schemas, name: string, file = ASSIGNED) =>
  (own(s, file).properties as Record<string, Schema>)[name]!;
const defs = (s: Schemas) => s[COMMON]!.$defs as Record<string, Schema>;
const shared = (s: Schemas) => defs(s).data!;
const sharedField = (s: Schemas, name: string) => (shared(s).properties as Record<string, Schema>)[name]!;
const at = (...parts: string[]) => `/properties/data/${parts.join('/')}`;

const addOptionalNote = (s: Schemas) => ((own(s).properties as Schema).note = { type: 'string' });
const withOptionalNote = structuredClone(published);
addOptionalNote(withOptionalNote);

describe('event schema compatibility: what a consumer of a published version would reject or misread', () => {
  it.each<[string, string, (s: Schemas) => void, string, Schemas?]>([
    [
      'a removed property',
      ASSIGNED,
      (s) => {
        delete (shared(s).properties as Schema).urgent;
        shared(s).required = (shared(s).required as string[]).filter((n) => n !== 'urgent');
      },
      at('properties', 'urgent'),
    ],
    [
      'a removed optional property (the name would then accept anything)',
      ASSIGNED,
      (s) => delete (own(s).properties as Schema).note,
      at('properties', 'note'),
      withOptionalNote,
    ],
    [
      'a renamed property',
      ASSIGNED,
      (s) => {
        const properties = own(s).properties as Schema;
        properties.assignees = properties.assigneeIds;
        delete properties.assigneeIds;
        own(s).required = ['assignees'];
      },
      at('properties', 'assigneeIds'),
    ],
    [
      'an optional property made required',
      ASSIGNED,
      (s) => (own(s).required as string[]).push('note'),
      at('required'),
      withOptionalNote,
    ],
    [
      'a required property added',
      ASSIGNED,
      (s) => {
        addOptionalNote(s);
        (own(s).required as string[]).push('note');
      },
      at('required'),
    ],
    [
      'a property no longer required',
      ASSIGNED,
      (s) => (shared(s).required = (shared(s).required as string[]).filter((n) => n !== 'paid')),
      at('required'),
    ],
    [
      'a type change',
      ASSIGNED,
      (s) => (sharedField(s, 'urgent').type = 'string'),
      at('properties', 'urgent', 'type'),
    ],
    [
      'an enum widened (a consumer switching over it meets a value it has no case for)',
      ASSIGNED,
      (s) => (defs(s).channel!.enum as string[]).push('FAX'),
      at('properties', 'channel', 'enum'),
    ],
    [
      'an enum narrowed (retained events carry the dropped value)',
      ASSIGNED,
      (s) => (defs(s).channel!.enum as string[]).pop(),
      at('properties', 'channel', 'enum'),
    ],
    [
      'a const change',
      ASSIGNED,
      (s) => ((defs(s).event!.properties as Record<string, Schema>).source!.const = '/courtyard/tickets'),
      '/properties/source/const',
    ],
    [
      'a pattern change',
      ASSIGNED,
      (s) => (sharedField(s, 'number').pattern = '^WO-[0-9]+$'),
      at('properties', 'number', 'pattern'),
    ],
    [
      'a format change',
      ASSIGNED,
      (s) => (sharedField(s, 'dueAt').format = 'date'),
      at('properties', 'dueAt', 'format'),
    ],
    [
      'a bound change',
      ASSIGNED,
      (s) => (ownField(s, 'assigneeIds').minItems = 0),
      at('properties', 'assigneeIds', 'minItems'),
    ],
    [
      'a length limit added',
      ASSIGNED,
      (s) => (sharedField(s, 'category').maxLength = 40),
      at('properties', 'category', 'maxLength'),
    ],
    [
      'data closed again (events with a property added since would be rejected)',
      ASSIGNED,
      (s) => (own(s).unevaluatedProperties = false),
      at('unevaluatedProperties'),
    ],
    [
      'an optional property added where the published data was still closed',
      ASSIGNED,
      addOptionalNote,
      at('properties', 'note'),
      (() => {
        const closed = structuredClone(published);
        own(closed).unevaluatedProperties = false;
        return closed;
      })(),
    ],
    [
      'an optional attribute added beside the envelope, which rejects unknown attributes',
      ASSIGNED,
      (s) => ((s[ASSIGNED]!.properties as Schema).tenant = { type: 'string' }),
      '/properties/tenant',
    ],
    ['another topic', ASSIGNED, (s) => (s[ASSIGNED]!['x-topic'] = 'facilities.events'), '/x-topic'],
    ['another message key', ASSIGNED, (s) => (s[ASSIGNED]!['x-key'] = 'propertyid'), '/x-key'],
    ['the envelope reference dropped', ASSIGNED, (s) => delete s[ASSIGNED]!.allOf, '/allOf'],
    [
      'an envelope attribute removed',
      'envelope.json',
      (s) => delete (s['envelope.json']!.properties as Schema).traceparent,
      '/properties/traceparent',
    ],
    [
      'an envelope id format changed',
      'envelope.json',
      (s) => ((s['envelope.json']!.properties as Record<string, Schema>).id!.format = 'uri'),
      '/properties/id/format',
    ],
  ])('breaking: %s', async (...[, file, edit, path, base]) => {
    // A rest parameter, so jest does not take the optional base for a `done` callback.
    const { status, breaking } = await reportAfter(file, edit, base);
    expect(status).toBe('breaking');
    expect(breaking).toContain(path);
  });

  it('finds a breaking change to a shared definition in every schema that references it', async () => {
    const retype = (s: Schemas) => (sharedField(s, 'urgent').type = 'string');
    for (const file of [ASSIGNED, STARTED]) {
      const { status, breaking } = await reportAfter(file, retype);
      expect(status).toBe('breaking');
      expect(new Set(breaking)).toEqual(new Set([at('properties', 'urgent', 'type')]));
    }
    expect((await reportAfter(COMMON, retype)).status).toBe('compatible');
  });

  it.each<[string, string, (s: Schemas) => void, string, Schemas?]>([
    [
      'descriptions, titles and examples',
      ASSIGNED,
      (s) => {
        s[ASSIGNED]!.description = 'Now with a longer explanation.';
        sharedField(s, 'dueAt').description = 'When the assignee must have resolved it.';
        s[ASSIGNED]!.examples = [];
      },
      'compatible',
    ],
    [
      'enum values and required names reordered',
      ASSIGNED,
      (s) => {
        (defs(s).channel!.enum as string[]).reverse();
        (shared(s).required as string[]).reverse();
      },
      'unchanged',
    ],
    [
      'additionalProperties: true written out where it was implied',
      ASSIGNED,
      (s) => (ownField(s, 'assigneeIds').additionalProperties = true),
      'unchanged',
    ],
    [
      'a field moved out of the shared definitions into the type',
      ASSIGNED,
      (s) => {
        (own(s).properties as Schema).dueAt = sharedField(s, 'dueAt');
        (own(s).required as string[]).push('dueAt');
        delete (shared(s).properties as Schema).dueAt;
        shared(s).required = (shared(s).required as string[]).filter((n) => n !== 'dueAt');
      },
      'unchanged',
    ],
    [
      'a shared enum written inline instead of referenced',
      ASSIGNED,
      (s) => ((shared(s).properties as Schema).channel = structuredClone(defs(s).channel)),
      'unchanged',
    ],
    ['an optional property added to data', ASSIGNED, addOptionalNote, 'compatible'],
    [
      'an optional property added to an object inside data',
      WAITING,
      (s) => ((ownField(s, 'notice', WAITING).properties as Schema).partsOrderId = { type: 'string' }),
      'compatible',
    ],
    [
      'data opened (the move to readers ignoring unknown properties)',
      ASSIGNED,
      (s) => delete own(s).unevaluatedProperties,
      'compatible',
      (() => {
        const closed = structuredClone(published);
        own(closed).unevaluatedProperties = false;
        return closed;
      })(),
    ],
  ])('not breaking: %s', async (...[, file, edit, expected, base]) => {
    expect(await reportAfter(file, edit, base)).toEqual({ status: expected, breaking: [] });
  });

  it('refuses to forget a published schema, and lists a new one as unpublished', async () => {
    const { [ASSIGNED]: assigned, ...others } = published;
    const reports = await compareWithLock(published, { ...others, 'workorder.assigned.v2.json': assigned! });
    expect(reports.filter((r) => r.status !== 'unchanged').map(({ file, status }) => [file, status])).toEqual(
      [
        [ASSIGNED, 'removed'],
        ['workorder.assigned.v2.json', 'unpublished'],
      ],
    );
  });

  it('calls a schema whose reference cannot be resolved breaking', async () => {
    const report = await reportAfter(ASSIGNED, (s) => delete defs(s).data);
    expect(report.status).toBe('breaking');
  });
});
