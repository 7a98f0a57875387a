import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import type { CloudEvent } from './envelope.js';
import { closeData, type Schema } from './closed-schema.js';

// ajv-formats is CommonJS whose typings describe an ES default export; require it as it ships.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

export interface EventSchemaRegistry {
  types(): string[];
  /** Problems with the event, or an empty list when it matches its type's schema. */
  validate(event: unknown): string[];
}

export interface EventSchemaOptions {
  /**
   * The producer's form: every object inside `data` rejects properties its schema does not list.
   * The published form (the default, for consumers) ignores them, so a version can grow.
   */
  closed?: boolean;
}

/** `<aggregate>.<event>.v<N>.json`; the other files (envelope, shared definitions) are referenced. */
export const isEventTypeFile = (file: string) => /^[a-z_]+\.[a-z_]+\.v[0-9]+\.json$/.test(file);

/** Loads every `schema/events/<type>.json` (plus the files they reference) into one validator. */
export function loadEventSchemas(directory: string, options: EventSchemaOptions = {}): EventSchemaRegistry {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword('x-topic').addKeyword('x-key');
  const validators = new Map<string, ValidateFunction>();
  const files = readdirSync(directory).filter((file) => file.endsWith('.json'));
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Schema;
    ajv.addSchema(options.closed ? closeData(schema, isEventTypeFile(file)) : schema);
  }
  for (const file of files.filter(isEventTypeFile)) {
    const schema = ajv.getSchema(`https://courtyard.example/schema/events/${file}`);
    if (!schema) throw new Error(`schema ${file} has an unexpected $id`);
    validators.set(file.replace(/\.json$/, ''), schema);
  }
  return {
    types: () => [...validators.keys()].sort(),
    validate(event) {
      const type = (event as Partial<CloudEvent> | null)?.type;
      const validator = typeof type === 'string' ? validators.get(type) : undefined;
      if (!validator) return [`no schema for event type ${String(type)}`];
      if (validator(event)) return [];
      return (validator.errors ?? []).map((error) => {
        // Name the property a closed object rejected; ajv's message alone does not.
        const { additionalProperty, unevaluatedProperty } = error.params as Record<string, unknown>;
        const property = additionalProperty ?? unevaluatedProperty;
        const named = typeof property === 'string' ? `: ${property}` : '';
        return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${named}`;
      });
    },
  };
}
