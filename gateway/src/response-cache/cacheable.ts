import {
  getNamedType,
  getOperationAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * Fields whose value counts time itself: read a second later they are a second more, with no
 * event to say so. A cached answer holding one would show a clock that stops and jumps, so an
 * operation selecting any of them is never cached. Fields that only flip at a moment (a request
 * becoming `overdue` at its due time, a shift or a contract in force "now", figures "as of
 * today") are cached: they are at most the maximum age late at the flip, finer than the SLA
 * scheduler's own scan (30 s by default) that records a breach.
 */
export const CLOCK_COUNTED_FIELDS: ReadonlySet<string> = new Set([
  'SlaClock.secondsUsed',
  'SlaClock.secondsPaused',
  'SlaBreach.secondsLate',
  'FacilityAvailability.measuredSeconds',
  'FacilityAvailability.downtimeSeconds',
  'FacilityAvailability.availability',
]);

/** Schema fields the gateway answers itself: introspection goes its own way (the introspection plugin). */
const INTROSPECTION = new Set(['__schema', '__type']);

/**
 * Whether the operation's answer may be cached: a query (never a mutation or subscription),
 * not introspection, and selecting no field counted by the clock. Remembered per document
 * (Apollo Server hands the same parsed document for the same text) and operation name.
 */
export function cacheableOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): boolean {
  let byName = decisions.get(document);
  if (!byName) decisions.set(document, (byName = new Map()));
  const name = operationName ?? '';
  let decision = byName.get(name);
  if (decision === undefined) byName.set(name, (decision = decide(schema, document, operationName)));
  return decision;
}

const decisions = new WeakMap<DocumentNode, Map<string, boolean>>();

function decide(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  // The whole document, unused fragments too: a little too careful is fine here.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const parent = typeInfo.getParentType();
        const name = field.name.value;
        if (
          INTROSPECTION.has(name) ||
          (parent && CLOCK_COUNTED_FIELDS.has(`${getNamedType(parent).name}.${name}`))
        )
          cacheable = false;
      },
    }),
  );
  return cacheable;
}
