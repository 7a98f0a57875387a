import { Kind, type DocumentNode } from 'graphql';
import { DomainError } from '../errors.js';
import type { RequestContext } from '../server/request-context.js';
import { actsForProperty, type Caller } from './caller.js';
import { STAFF_ROLES, type Role } from './roles.js';

/**
 * One line of a subgraph's access table: who may call a Query or Mutation field at all, and
 * which argument names the property it touches. The resolver's domain still checks the record
 * it loads (the requester, the assignee, the record's own property); the table is the gate.
 */
export interface AccessRule {
  /** Roles allowed through the gate; the SYSTEM role (service-to-service) always is. */
  readonly allow: readonly Role[];
  /** Dotted path of the argument holding a property id, checked against the caller's scope. */
  readonly scope?: string;
  /** The record-level rule the domain applies after loading, for the reader of the table. */
  readonly then?: string;
}

export interface AccessRules {
  readonly Query: Readonly<Record<string, AccessRule>>;
  readonly Mutation?: Readonly<Record<string, AccessRule>>;
}

type Operation = keyof AccessRules;
type Resolver = (
  parent: unknown,
  args: Record<string, unknown>,
  context: RequestContext,
  info: unknown,
) => unknown;

export const STAFF: readonly Role[] = STAFF_ROLES;

/** Quality inspectors read every property (服务、监督两条线); they change nothing in its scope. */
const mayTouchProperty = (caller: Caller, propertyId: string, operation: Operation): boolean =>
  actsForProperty(caller, propertyId) || (operation === 'Query' && caller.role === 'QUALITY_INSPECTOR');

const argumentAt = (args: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      args,
    );

/** Applies one rule to a caller; throws FORBIDDEN with a stable reason when it does not pass. */
export function authorize(
  rule: AccessRule,
  operation: Operation,
  caller: Caller,
  args: Record<string, unknown>,
): void {
  if (caller.role === 'SYSTEM') return;
  if (!rule.allow.includes(caller.role)) {
    throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', `Role ${caller.role} may not do this`);
  }
  // Residents carry no property scope: what they may touch is decided on the record itself.
  if (!rule.scope || caller.role === 'RESIDENT') return;
  const propertyId = argumentAt(args, rule.scope);
  if (typeof propertyId === 'string' && !mayTouchProperty(caller, propertyId, operation)) {
    throw new DomainError('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property', {
      propertyId,
    });
  }
}

function rootFields(typeDefs: DocumentNode, operation: Operation): string[] {
  return typeDefs.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === operation
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/** Every root field has exactly one rule, and every rule a field: a new field cannot slip past. */
export function checkAccessRules(typeDefs: DocumentNode, rules: AccessRules): void {
  const problems = (['Query', 'Mutation'] as const).flatMap((operation) => {
    const fields = rootFields(typeDefs, operation);
    const table = rules[operation] ?? {};
    return [
      ...fields.filter((field) => !(field in table)).map((field) => `no rule for ${operation}.${field}`),
      ...Object.keys(table)
        .filter((field) => !fields.includes(field))
        .map((field) => `rule for unknown field ${operation}.${field}`),
    ];
  });
  if (problems.length > 0)
    throw new Error(`Access rules out of step with the schema: ${problems.join('; ')}`);
}

/** Wraps each Query and Mutation resolver so its rule runs before it does. */
export function enforceAccessRules<T extends object>(
  typeDefs: DocumentNode,
  resolvers: T,
  rules: AccessRules,
): T {
  checkAccessRules(typeDefs, rules);
  const map = resolvers as Record<string, Record<string, unknown> | undefined>;
  const guarded: Record<string, unknown> = { ...map };
  for (const operation of ['Query', 'Mutation'] as const) {
    const fields = map[operation];
    if (!fields) continue;
    guarded[operation] = Object.fromEntries(
      Object.entries(fields).map(([name, resolve]) => {
        const rule = rules[operation]?.[name];
        if (!rule || typeof resolve !== 'function') return [name, resolve];
        const inner = resolve as Resolver;
        const outer: Resolver = (parent, args, context, info) => {
          authorize(rule, operation, context.caller, args);
          return inner(parent, args, context, info);
        };
        return [name, outer];
      }),
    );
  }
  return guarded as T;
}
