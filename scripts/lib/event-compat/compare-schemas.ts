// Compares a published event schema with its current version and lists every change, each
// marked breaking or not. Both sides arrive with their `$ref`s resolved and shared parts folded in
// (scripts/lib/event-schemas), so moving a field into a shared definition is no change.
//
// A published type+version is a contract in both directions: consumers built on it must accept
// every new event (FORWARD), and consumers built on the new text must accept the events already
// retained on the topic (BACKWARD: replays, backfills, this repository's contract test). So any
// change to the accepted set is breaking, with three exceptions that neither direction can feel:
// annotations; an optional property added where the published schema accepts unknown properties
// (every `data` object does: readers must ignore what they do not know, producers are held to the
// closed form by the tests); and a `data` object opened, the one-time move to that policy.
// Unknown keywords are compared for equality: a keyword this file does not understand can only
// make a change breaking, never hide one.

import type { JsonSchema } from '../event-schemas/dereference.js';

export type { JsonSchema };

export interface SchemaChange {
  /** JSON Pointer into the schema, e.g. `/properties/data/properties/state/enum`. */
  path: string;
  breaking: boolean;
  message: string;
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const SINGLE = ['items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'contentSchema'];
const OPEN_BY_DEFAULT = ['additionalProperties', 'unevaluatedProperties', 'unevaluatedItems'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['patternProperties', '$defs', 'dependentSchemas'];
const SETS = ['required', 'enum', 'type'];
const HANDLED = new Set([...SINGLE, ...OPEN_BY_DEFAULT, ...LISTS, ...MAPS, ...SETS, 'properties']);

/** Schemas are plain JSON, so equal canonical text is equality (and it ignores key order and realms). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'undefined';
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const show = (value: unknown) => JSON.stringify(value) ?? 'absent';
const pointer = (path: string, ...parts: Array<string | number>) =>
  parts.reduce<string>((p, part) => `${p}/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`, path);
const asRecord = (value: unknown): Record<string, JsonSchema> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, JsonSchema>)
    : {};
const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
/** `true`, `{}` and absent accept the same values where a keyword defaults to "anything". */
const isTrivial = (value: unknown) => value === undefined || value === true || sameJson(value, {});

/** Inside an event's `data`, where readers ignore unknown properties. */
const inData = (path: string) => path === '/properties/data' || path.startsWith('/properties/data/');

export function compareSchemas(published: JsonSchema, current: JsonSchema, path = ''): SchemaChange[] {
  if (typeof published === 'boolean' || typeof current === 'boolean') {
    const same = isTrivial(published) ? isTrivial(current) : sameJson(published, current);
    return same
      ? []
      : [{ path, breaking: true, message: `schema ${show(published)} became ${show(current)}` }];
  }
  const changes: SchemaChange[] = [];
  const keywords = new Set([...Object.keys(published), ...Object.keys(current)]);
  for (const keyword of keywords) {
    const before = published[keyword];
    const after = current[keyword];
    const at = pointer(path, keyword);
    if (ANNOTATIONS.has(keyword)) {
      if (!sameJson(before, after))
        changes.push({ path: at, breaking: false, message: 'annotation changed' });
    } else if (keyword === 'properties') {
      changes.push(...compareProperties(published, current, path));
    } else if (
      SETS.includes(keyword) &&
      (keyword === 'required' || (before !== undefined && after !== undefined))
    ) {
      changes.push(...compareSet(keyword, asList(before), asList(after), at));
    } else if (OPEN_BY_DEFAULT.includes(keyword) && isTrivial(before) && isTrivial(after)) {
      continue;
    } else if (OPEN_BY_DEFAULT.includes(keyword) && isTrivial(after) && inData(path)) {
      // Events valid before stay valid; what readers now accept, no producer publishes yet.
      const message = `${keyword} ${show(before)} dropped: readers ignore unknown properties here`;
      changes.push({ path: at, breaking: false, message });
    } else if (
      [...SINGLE, ...OPEN_BY_DEFAULT].includes(keyword) &&
      before !== undefined &&
      after !== undefined
    ) {
      changes.push(...compareSchemas(before as JsonSchema, after as JsonSchema, at));
    } else if (
      LISTS.includes(keyword) &&
      Array.isArray(before) &&
      Array.isArray(after) &&
      before.length === after.length
    ) {
      before.forEach((item, i) =>
        changes.push(...compareSchemas(item as JsonSchema, after[i] as JsonSchema, pointer(at, i))),
      );
    } else if (
      MAPS.includes(keyword) &&
      sameJson(Object.keys(asRecord(before)).sort(), Object.keys(asRecord(after)).sort())
    ) {
      for (const [name, schema] of Object.entries(asRecord(before))) {
        changes.push(...compareSchemas(schema, asRecord(after)[name]!, pointer(at, name)));
      }
    } else if (!sameJson(before, after)) {
      changes.push({ path: at, breaking: true, message: describeChange(keyword, before, after) });
    }
  }
  return changes;
}

function describeChange(keyword: string, before: unknown, after: unknown): string {
  if (keyword === 'x-topic') return `topic changed from ${show(before)} to ${show(after)}`;
  if (keyword === 'x-key') return `message key changed from ${show(before)} to ${show(after)}`;
  if (before === undefined) return `${keyword} added: ${show(after)}`;
  if (after === undefined) return `${keyword} removed (was ${show(before)})`;
  if (HANDLED.has(keyword)) return `${keyword} changed shape from ${show(before)} to ${show(after)}`;
  return `${keyword} changed from ${show(before)} to ${show(after)}`;
}

/** Order never matters in these keywords; each value gained or lost is one change. */
function compareSet(keyword: string, before: unknown[], after: unknown[], at: string): SchemaChange[] {
  const missingFrom = (values: unknown[], other: unknown[]) =>
    values.filter((value) => !other.some((candidate) => sameJson(candidate, value)));
  const gained = missingFrom(after, before);
  const lost = missingFrom(before, after);
  const words: Record<string, [string, string]> = {
    required: ['newly required', 'no longer required'],
    enum: ['enum widened with', 'enum narrowed, dropping'],
    type: ['type widened with', 'type narrowed, dropping'],
  };
  const [gainedWord, lostWord] = words[keyword]!;
  return [
    ...gained.map((value) => ({ path: at, breaking: true, message: `${gainedWord} ${show(value)}` })),
    ...lost.map((value) => ({ path: at, breaking: true, message: `${lostWord} ${show(value)}` })),
  ];
}

function compareProperties(
  published: Record<string, unknown>,
  current: Record<string, unknown>,
  path: string,
): SchemaChange[] {
  const before = asRecord(published.properties);
  const after = asRecord(current.properties);
  const changes: SchemaChange[] = [];
  for (const [name, schema] of Object.entries(before)) {
    const at = pointer(path, 'properties', name);
    if (name in after) changes.push(...compareSchemas(schema, after[name]!, at));
    else
      changes.push({
        path: at,
        breaking: true,
        // Even an optional one: the name would then accept anything, and could come back retyped.
        message: 'property removed (a rename is a removal plus an addition)',
      });
  }
  for (const name of Object.keys(after).filter((name) => !(name in before))) {
    const open = acceptsUnknownProperty(published, name);
    changes.push({
      path: pointer(path, 'properties', name),
      breaking: !open,
      message: open
        ? 'optional property added where the published schema accepted unknown properties'
        : 'property added where the published schema rejects unknown properties',
    });
  }
  return changes;
}

/**
 * Whether the published schema lets `name` through with any value, looking into `allOf` (the
 * envelope closes every type schema). Anything it cannot reason about counts as closed.
 */
export function acceptsUnknownProperty(schema: JsonSchema, name: string): boolean {
  if (typeof schema === 'boolean') return schema;
  const closing = [
    '$ref',
    'propertyNames',
    'maxProperties',
    'anyOf',
    'oneOf',
    'not',
    'if',
    'dependentSchemas',
  ];
  if (closing.some((keyword) => keyword in schema)) return false;
  if (!isTrivial(schema.additionalProperties) || !isTrivial(schema.unevaluatedProperties)) return false;
  const patterns = Object.keys(asRecord(schema.patternProperties));
  if (patterns.some((pattern) => new RegExp(pattern, 'u').test(name))) return false;
  return asList(schema.allOf).every((part) => acceptsUnknownProperty(part as JsonSchema, name));
}
