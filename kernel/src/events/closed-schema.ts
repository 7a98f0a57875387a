// The producer's form of a published event schema. Readers must ignore properties they do not
// know, so the published `data` objects are open; a producer may not invent one, so tests check
// what the code publishes against this closed form.
//
// Closing is done where a value sits (`data` itself, a property's value, an array's items), with
// `unevaluatedProperties: false`, which sees through `allOf` and `$ref`: a shared definition that
// is only a part of an object (workorder.common.json#/$defs/data) is left open itself, or it
// would reject the properties its referrer adds.

export type Schema = boolean | { [keyword: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (value: unknown, map: (schema: Schema) => Schema) =>
  Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, s]) => [name, map(s)]));

/** The positions inside `schema` closed, not `schema` itself (a part, a definition). */
function closeInside(schema: Schema): Schema {
  if (!isObject(schema)) return schema;
  const copy: Record<string, unknown> = { ...schema };
  if (isObject(copy.properties)) copy.properties = mapValues(copy.properties, closePosition);
  if (isObject(copy.$defs)) copy.$defs = mapValues(copy.$defs, closeInside);
  if (isObject(copy.items)) copy.items = closePosition(copy.items);
  if (isObject(copy.additionalProperties))
    copy.additionalProperties = closePosition(copy.additionalProperties);
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) {
    const list = copy[keyword];
    if (Array.isArray(list)) {
      copy[keyword] = list.map((part: Schema) =>
        (keyword === 'prefixItems' ? closePosition : closeInside)(part),
      );
    }
  }
  return copy;
}

/** A schema a value must match: close it when it describes an object's properties. */
function closePosition(schema: Schema): Schema {
  if (!isObject(schema)) return schema;
  const copy = closeInside(schema) as Record<string, unknown>;
  // An object whose properties are listed here or in its parts (`type: object` beside a `$ref`
  // to an object definition too); a bare `{ type: object }` is free-form on purpose.
  const objectType = copy.type === 'object' || (Array.isArray(copy.type) && copy.type.includes('object'));
  const listed = 'properties' in copy || 'allOf' in copy || '$ref' in copy;
  const describesProperties = objectType && listed;
  const decided = 'additionalProperties' in copy || 'unevaluatedProperties' in copy;
  if (describesProperties && !decided) copy.unevaluatedProperties = false;
  return copy;
}

/**
 * The closed form of one file of schema/events: an event type's `data` closed, and every shared
 * definition's inner objects (the envelope, which has none, is unchanged).
 */
export function closeData(schema: Schema, isEventType: boolean): Schema {
  if (!isObject(schema)) return schema;
  const copy = { ...schema };
  if (isObject(copy.$defs)) copy.$defs = mapValues(copy.$defs, closeInside);
  const properties = copy.properties;
  if (isEventType && isObject(properties) && properties.data !== undefined) {
    copy.properties = { ...properties, data: closePosition(properties.data as Schema) };
  }
  return copy;
}
