// The event schemas as a reader sees them: every `$ref` resolved and shared parts folded in.
import { dereference, type JsonSchema } from './dereference.js';
import { flatten } from './flatten.js';

export { dereference, SCHEMA_BASE, type JsonSchema } from './dereference.js';
export { flatten } from './flatten.js';

/** `file` of `schemas` resolved and folded, so that where a field is written does not matter. */
export async function resolvedSchema(schemas: Record<string, JsonSchema>, file: string): Promise<JsonSchema> {
  return flatten(await dereference(schemas, file));
}
