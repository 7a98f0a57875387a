// The published event schemas (schema/events.lock.json) against the files in schema/events/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compareSchemas, type JsonSchema, type SchemaChange } from './compare-schemas.js';

export interface EventSchemaLock {
  $comment: string;
  /** File name (`envelope.json`, `<type>.json`) to the schema as published. */
  schemas: Record<string, JsonSchema>;
}

export type FileStatus = 'unchanged' | 'compatible' | 'breaking' | 'unpublished' | 'removed';

export interface FileReport {
  file: string;
  status: FileStatus;
  changes: SchemaChange[];
}

export const LOCK_COMMENT =
  'Event schemas as published to consumers. Written by `npm run events:publish`, checked by ' +
  '`npm run events:compat`; a published version may only change compatibly (see README).';

export const schemaDirectory = (root: string) => join(root, 'schema', 'events');
export const lockFile = (root: string) => join(root, 'schema', 'events.lock.json');

export function readSchemaDirectory(directory: string): Record<string, JsonSchema> {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return Object.fromEntries(
    files.map((file) => [file, JSON.parse(readFileSync(join(directory, file), 'utf8')) as JsonSchema]),
  );
}

/** No lock yet means nothing is published. */
export function readLock(file: string): EventSchemaLock {
  if (!existsSync(file)) return { $comment: LOCK_COMMENT, schemas: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as EventSchemaLock;
}

/**
 * Resolves `envelope.json`, a full `$id` URL or `#/json/pointer` the way the kernel's ajv does:
 * file names relative to schema/events/, fragments within the referring document.
 */
export function refResolver(published: Record<string, JsonSchema>, root: JsonSchema) {
  return (ref: string): JsonSchema | undefined => {
    const [file = '', fragment = ''] = ref.split('#');
    let target: unknown = file ? published[basename(file)] : root;
    for (const part of fragment.split('/').filter(Boolean)) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      target =
        typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[key] : undefined;
    }
    return typeof target === 'boolean' || (typeof target === 'object' && target !== null)
      ? (target as JsonSchema)
      : undefined;
  };
}

export function compareWithLock(
  published: Record<string, JsonSchema>,
  current: Record<string, JsonSchema>,
): FileReport[] {
  const files = [...new Set([...Object.keys(published), ...Object.keys(current)])].sort();
  return files.map((file) => {
    const before = published[file];
    const after = current[file];
    if (before === undefined) return { file, status: 'unpublished', changes: [] };
    if (after === undefined) {
      const message = 'published schema deleted: consumers and retained events still rely on it';
      return { file, status: 'removed', changes: [{ path: '', breaking: true, message }] };
    }
    const changes = compareSchemas(before, after, refResolver(published, before));
    const status = changes.some((change) => change.breaking)
      ? 'breaking'
      : changes.length > 0
        ? 'compatible'
        : 'unchanged';
    return { file, status, changes };
  });
}
