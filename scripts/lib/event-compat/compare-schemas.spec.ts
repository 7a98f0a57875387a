import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../subgraphs.js';
import { compareWithLock, readSchemaDirectory, schemaDirectory } from './baseline.js';
import type { JsonSchema } from './compare-schemas.js';

type Schema = { [keyword: string]: unknown };
const published = readSchemaDirectory(schemaDirectory(ROOT));
const ASSIGNED = 'workorder.assigned.v1.json';

/** The report for one published file after `edit` changed a copy of it (envelope beside it). */
function reportAfter(file: string, edit: (schema: Schema) => void) {
  const before = { 'envelope.json': published['envelope.json']!, [file]: published[file]! };
  const after = structuredClone(before) as Record<string, JsonSchema>;
  edit(after[file] as Schema);
  const report = compareWithLock(before, after).find((entry) => entry.file === file)!;
  return { status: report.status, breaking: report.changes.filter((c) => c.breaking).map((c) => c.path) };
}

const data = (schema: Schema) => (schema.properties as { data: Schema }).data;
const field = (schema: Schema, name: string) => (data(schema).properties as Record<string, Schema>)[name]!;
const at = (...parts: string[]) => `/properties/data/${parts.join('/')}`;

describe('event schema compatibility: what a consumer of a published version would reject or misread', () => {
  it.each<[string, string, (schema: Schema) => void, string]>([
    [
      'a removed property',
      ASSIGNED,
      (s) => delete (data(s).properties as Schema).urgent,
      at('properties', 'urgent'),
    ],
    [
      'a renamed property',
      ASSIGNED,
      (s) => {
        const properties = data(s).properties as Schema;
        properties.ownerStaffId = properties.ownerId;
        delete properties.ownerId;
      },
      at('properties', 'ownerStaffId'),
    ],
    [
      'a newly required property',
      ASSIGNED,
      (s) => (data(s).required as string[]).push('note'),
      at('required'),
    ],
    [
      'a property no longer required',
      ASSIGNED,
      (s) => (data(s).required = (data(s).required as string[]).filter((n) => n !== 'paid')),
      at('required'),
    ],
    [
      'a type change',
      ASSIGNED,
      (s) => (field(s, 'urgent').type = 'string'),
      at('properties', 'urgent', 'type'),
    ],
    [
      'an enum widened',
      ASSIGNED,
      (s) => (field(s, 'channel').enum as string[]).push('FAX'),
      at('properties', 'channel', 'enum'),
    ],
    [
      'an enum narrowed',
      ASSIGNED,
      (s) => (field(s, 'channel').enum as string[]).pop(),
      at('properties', 'channel', 'enum'),
    ],
    [
      'a const change',
      ASSIGNED,
      (s) => ((s.properties as Record<string, Schema>).source!.const = '/courtyard/tickets'),
      '/properties/source/const',
    ],
    [
      'a pattern change',
      ASSIGNED,
      (s) => (field(s, 'number').pattern = '^WO-[0-9]+$'),
      at('properties', 'number', 'pattern'),
    ],
    [
      'a format change',
      ASSIGNED,
      (s) => (field(s, 'dueAt').format = 'date'),
      at('properties', 'dueAt', 'format'),
    ],
    [
      'a bound change',
      ASSIGNED,
      (s) => (field(s, 'assigneeIds').minItems = 0),
      at('properties', 'assigneeIds', 'minItems'),
    ],
    [
      'additional properties allowed',
      ASSIGNED,
      (s) => (data(s).additionalProperties = true),
      at('additionalProperties'),
    ],
    [
      'an optional property added where unknown properties were rejected',
      ASSIGNED,
      (s) => ((data(s).properties as Schema).note = { type: 'string' }),
      at('properties', 'note'),
    ],
    [
      'an optional attribute added beside the envelope, which rejects unknown attributes',
      ASSIGNED,
      (s) => ((s.properties as Schema).tenant = { type: 'string' }),
      '/properties/tenant',
    ],
    ['another topic', ASSIGNED, (s) => (s['x-topic'] = 'facilities.events'), '/x-topic'],
    ['another message key', ASSIGNED, (s) => (s['x-key'] = 'propertyid'), '/x-key'],
    ['the envelope reference dropped', ASSIGNED, (s) => delete s.allOf, '/allOf'],
    [
      'a length limit added',
      ASSIGNED,
      (s) => (field(s, 'category').maxLength = 40),
      at('properties', 'category', 'maxLength'),
    ],
    [
      'an envelope attribute removed',
      'envelope.json',
      (s) => delete (s.properties as Schema).traceparent,
      '/properties/traceparent',
    ],
    [
      'an envelope id format changed',
      'envelope.json',
      (s) => ((s.properties as Record<string, Schema>).id!.format = 'uri'),
      '/properties/id/format',
    ],
  ])('breaking: %s', (_label, file, edit, path) => {
    const { status, breaking } = reportAfter(file, edit);
    expect(status).toBe('breaking');
    expect(breaking).toContain(path);
  });

  it.each<[string, (schema: Schema) => void, string]>([
    [
      'descriptions, titles and examples',
      (s) => {
        s.description = 'Now with a longer explanation.';
        field(s, 'dueAt').description = 'When the assignee must have resolved it.';
        s.examples = [];
      },
      'compatible',
    ],
    [
      'enum values and required names reordered',
      (s) => {
        (field(s, 'channel').enum as string[]).reverse();
        (data(s).required as string[]).reverse();
      },
      'unchanged',
    ],
    [
      'additionalProperties: true written out where it was implied',
      (s) => (field(s, 'assigneeIds').additionalProperties = true),
      'unchanged',
    ],
  ])('not breaking: %s', (_label, edit, expected) => {
    expect(reportAfter(ASSIGNED, edit)).toEqual({ status: expected, breaking: [] });
  });

  describe('an optional property added where the published schema accepted unknown properties', () => {
    const envelope = published['envelope.json'] as Schema;
    const openEnvelope = { ...envelope, additionalProperties: true };
    const openData = structuredClone(published[ASSIGNED]) as Schema;
    delete data(openData).additionalProperties;
    const statusAfter = (base: Schema, env: Schema, edit: (schema: Schema) => void) => {
      const after = structuredClone(base);
      edit(after);
      const reports = compareWithLock(
        { 'envelope.json': env, [ASSIGNED]: base },
        { 'envelope.json': env, [ASSIGNED]: after },
      );
      return reports.find((r) => r.file === ASSIGNED)!.status;
    };
    const addNote = (s: Schema) => ((data(s).properties as Schema).note = { type: 'string' });

    it('is compatible inside `data`', () => {
      expect(statusAfter(openData, envelope, addNote)).toBe('compatible');
    });

    it('is breaking once it is also required', () => {
      const addRequiredNote = (s: Schema) => {
        addNote(s);
        (data(s).required as string[]).push('note');
      };
      expect(statusAfter(openData, envelope, addRequiredNote)).toBe('breaking');
    });

    it('is compatible beside the envelope only when the referenced envelope is open too', () => {
      const addAttribute = (s: Schema) => ((s.properties as Schema).tenant = { type: 'string' });
      expect(statusAfter(openData, openEnvelope, addAttribute)).toBe('compatible');
      expect(statusAfter(openData, envelope, addAttribute)).toBe('breaking');
    });
  });

  it('refuses to forget a published schema, and lists a new one as unpublished', () => {
    const reports = compareWithLock(
      { 'envelope.json': published['envelope.json']!, [ASSIGNED]: published[ASSIGNED]! },
      { 'envelope.json': published['envelope.json']!, 'workorder.assigned.v2.json': published[ASSIGNED]! },
    );
    expect(reports.map(({ file, status }) => [file, status])).toEqual([
      ['envelope.json', 'unchanged'],
      [ASSIGNED, 'removed'],
      ['workorder.assigned.v2.json', 'unpublished'],
    ]);
  });
});
