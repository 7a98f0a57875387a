import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import type { CloudEvent } from './envelope.js';

// ajv-formats is CommonJS whose typings describe an ES default export; require it as it ships.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

export interface EventSchemaRegistry {
  types(): string[];
  /** Problems with the event, or an empty list when it matches its type's schema. */
  validate(event: unknown): string[];
}

/** Loads every `schema/events/<type>.json` (plus the shared envelope) into one validator. */
export function loadEventSchemas(directory: string): EventSchemaRegistry {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword('x-topic').addKeyword('x-key');
  const validators = new Map<string, ValidateFunction>();
  const files = readdirSync(directory).filter((file) => file.endsWith('.json'));
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(directory, file), 'utf8')) as object);
  for (const file of files) {
    if (file === 'envelope.json') continue;
    const type = file.replace(/\.json$/, '');
    const schema = ajv.getSchema(`https://courtyard.example/schema/events/${file}`);
    if (!schema) throw new Error(`schema ${file} has an unexpected $id`);
    validators.set(type, schema);
  }
  return {
    types: () => [...validators.keys()].sort(),
    validate(event) {
      const type = (event as Partial<CloudEvent> | null)?.type;
      const validator = typeof type === 'string' ? validators.get(type) : undefined;
      if (!validator) return [`no schema for event type ${String(type)}`];
      if (validator(event)) return [];
      return (validator.errors ?? []).map(
        (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
      );
    },
  };
}
