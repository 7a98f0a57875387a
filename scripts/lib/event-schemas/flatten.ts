// Folds `allOf` parts into the schema that lists them wherever that cannot change what the schema
// accepts, so a field moved into a shared definition (`allOf: [{ $ref }]`) and a field written
// inline compare as the same schema. A part is folded only when it holds nothing but `type`,
// `properties`, `required`, `allOf` and annotations, agrees with its host on `type` and on every
// property both name, and the host has no `additionalProperties`/`patternProperties` (which would
// see the folded properties as their own). Anything else stays an `allOf` part.
import type { JsonSchema } from './dereference.js';

type SchemaObject = { [keyword: string]: unknown };

const FOLDABLE = new Set(['type', 'properties', 'required', 'allOf', 'title', 'description', '$comment']);
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function foldable(host: SchemaObject, part: JsonSchema): part is SchemaObject {
  if (!isObject(part) || !Object.keys(part).every((keyword) => FOLDABLE.has(keyword))) return false;
  if ('additionalProperties' in host || 'patternProperties' in host) return false;
  if ('type' in host && 'type' in part && !same(host.type, part.type)) return false;
  const hostProperties = isObject(host.properties) ? host.properties : {};
  const partProperties = isObject(part.properties) ? part.properties : {};
  return Object.keys(partProperties).every(
    (name) => !(name in hostProperties) || same(hostProperties[name], partProperties[name]),
  );
}

export function flatten(schema: JsonSchema): JsonSchema {
  if (!isObject(schema)) return schema;
  const host: SchemaObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (SUBSCHEMA_MAPS.includes(keyword) && isObject(value)) {
      host[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, flatten(sub as JsonSchema)]),
      );
    } else if (SUBSCHEMA_LISTS.includes(keyword) && Array.isArray(value)) {
      host[keyword] = value.map((sub) => flatten(sub as JsonSchema));
    } else if (isObject(value) && keyword !== 'const' && keyword !== 'default' && keyword !== 'examples') {
      host[keyword] = flatten(value);
    } else host[keyword] = value;
  }
  if (!Array.isArray(host.allOf)) return host;
  const queue = [...(host.allOf as JsonSchema[])];
  const kept: JsonSchema[] = [];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (!foldable(host, part)) {
      kept.push(part);
      continue;
    }
    // The part's fields first: shared fields read before the ones a type adds, as they did inline.
    if ('type' in part) host.type = part.type;
    if (isObject(part.properties)) host.properties = { ...part.properties, ...(host.properties as object) };
    if (Array.isArray(part.required)) {
      const required = [...part.required, ...((host.required as unknown[] | undefined) ?? [])];
      host.required = required.filter((name, i) => required.indexOf(name) === i);
    }
    if (Array.isArray(part.allOf)) queue.push(...(part.allOf as JsonSchema[]));
  }
  if (kept.length > 0) host.allOf = kept;
  else delete host.allOf;
  return host;
}
