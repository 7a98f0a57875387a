// The published event schemas (schema/events.lock.json) against the files in schema/events/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEventTypeFile } from '@courtyard/kernel';
import { resolvedSchema } from '../event-schemas/index.js';
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

/** A file of shared definitions (not an event type, not the envelope): only ever a part of one. */
const isSharedDefinitions = (file: string) => file !== 'envelope.json' && !isEventTypeFile(file);

/** The schema with its `$ref`s resolved within its own set, or why that failed. */
async function resolveIn(schemas: Record<string, JsonSchema>, file: string) {
  try {
    return { schema: await resolvedSchema(schemas, file) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function compareWithLock(
  published: Record<string, JsonSchema>,
  current: Record<string, JsonSchema>,
): Promise<FileReport[]> {
  const files = [...new Set([...Object.keys(published), ...Object.keys(current)])].sort();
  return Promise.all(
    files.map(async (file): Promise<FileReport> => {
      const before = published[file];
      const after = current[file];
      if (before === undefined) return { file, status: 'unpublished', changes: [] };
      if (after === undefined) {
        const message = 'published schema deleted: consumers and retained events still rely on it';
        return { file, status: 'removed', changes: [{ path: '', breaking: true, message }] };
      }
      if (isSharedDefinitions(file)) {
        // Judged where it is used: each event schema that references it is compared resolved.
        if (JSON.stringify(before) === JSON.stringify(after))
          return { file, status: 'unchanged', changes: [] };
        const message = 'shared definitions edited; the event schemas that reference them are judged';
        return { file, status: 'compatible', changes: [{ path: '', breaking: false, message }] };
      }
      const [was, is] = await Promise.all([resolveIn(published, file), resolveIn(current, file)]);
      if (is.problem !== undefined || was.problem !== undefined) {
        const message = `cannot resolve its references: ${is.problem ?? was.problem ?? ''}`;
        return { file, status: 'breaking', changes: [{ path: '', breaking: true, message }] };
      }
      const changes = compareSchemas(was.schema!, is.schema!);
      const status = changes.some((change) => change.breaking)
        ? 'breaking'
        : changes.length > 0
          ? 'compatible'
          : 'unchanged';
      return { file, status, changes };
    }),
  );
}
