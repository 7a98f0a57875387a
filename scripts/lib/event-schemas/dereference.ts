// Replaces every `$ref` of a set of event schemas (file name to schema, as in schema/events/ or
// the lock) by what it points at, as the kernel's ajv resolves it: relative to the file's `$id`.
import { basename } from 'node:path';
import { dereference as dereferenceSchema, type FileInfo } from '@apidevtools/json-schema-ref-parser';

export type JsonSchema = boolean | { [keyword: string]: unknown };

/** Every schema's `$id` is this base plus its file name (kernel/src/events/schemas.ts relies on it too). */
export const SCHEMA_BASE = 'https://courtyard.example/schema/events/';

/** `file` of `schemas` with each `$ref` resolved within `schemas` only (never the network or disk). */
export async function dereference(schemas: Record<string, JsonSchema>, file: string): Promise<JsonSchema> {
  const read = (info: FileInfo) => {
    const schema = schemas[basename(info.url)];
    if (schema === undefined) throw new Error(`${info.url} is not among the event schemas`);
    return JSON.stringify(schema);
  };
  const schema = (await dereferenceSchema(`${SCHEMA_BASE}${file}`, {
    resolve: {
      file: false,
      http: false,
      events: { order: 1, canRead: (info: FileInfo) => info.url.startsWith(SCHEMA_BASE), read },
    },
    dereference: { circular: false },
  })) as JsonSchema;
  return schema;
}
