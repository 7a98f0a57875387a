import {
  defaultFieldResolver,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { DomainError } from '../errors.js';
import type { RequestContext } from '../server/request-context.js';
import { actsForProperty, type Caller } from '../domain/caller.js';
import type { Role } from '../domain/roles.js';

/**
 * One line of a subgraph's access table: who may reach a field at all, and where the property
 * it touches comes from. The resolver's domain still checks the record it loads (the requester,
 * the assignee, the record's own property); the table is the gate in front of it.
 */
export interface AccessRule {
  /** Roles allowed through the gate; the SYSTEM role (service-to-service) always is. */
  readonly allow: readonly Role[];
  /**
   * Dotted path to a property id checked against the caller's scope: into the arguments
   * (`input.propertyId`), or into the object the field belongs to (`parent._id`).
   */
  readonly scope?: string;
  /** The record-level rule the domain applies after loading, for the reader of the table. */
  readonly then?: string;
}

export type FieldRules = Readonly<Record<string, AccessRule>>;

/**
 * A subgraph's table: every Query and Mutation field has a rule (a new one without fails at
 * start-up); fields of other types may have one where a list or relation needs a gate.
 */
export type AccessRules = { readonly Query: FieldRules; readonly Mutation?: FieldRules } & {
  readonly [typeName: string]: FieldRules | undefined;
};

type Resolver = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;
const ROOTS = ['Query', 'Mutation'] as const;

/** Quality inspectors read every property (服务、监督两条线); they change nothing in its scope. */
const mayTouchProperty = (caller: Caller, propertyId: string, writes: boolean): boolean =>
  actsForProperty(caller, propertyId) || (!writes && caller.role === 'QUALITY_INSPECTOR');

const valueAt = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    root,
  );

const scopedProperty = (scope: string, args: Record<string, unknown>, parent: unknown): unknown => {
  const [head, ...rest] = scope.split('.');
  return head === 'parent' ? valueAt(parent, rest) : valueAt(args, scope.split('.'));
};

/** Applies one rule to a caller; throws FORBIDDEN with a stable reason when it does not pass. */
export function authorize(
  rule: AccessRule,
  typeName: string,
  caller: Caller,
  args: Record<string, unknown>,
  parent?: unknown,
): void {
  if (caller.role === 'SYSTEM') return;
  if (!rule.allow.includes(caller.role)) {
    throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', `Role ${caller.role} may not do this`);
  }
  // Residents carry no property scope: what they may touch is decided on the record itself.
  if (!rule.scope || caller.role === 'RESIDENT') return;
  const propertyId = scopedProperty(rule.scope, args, parent);
  if (typeof propertyId === 'string' && !mayTouchProperty(caller, propertyId, typeName === 'Mutation')) {
    throw new DomainError('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property', {
      propertyId,
    });
  }
}

/** Field names per object type in the SDL (definitions and extensions together). */
function fieldsByType(typeDefs: DocumentNode): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    const fields = types.get(definition.name.value) ?? [];
    fields.push(...(definition.fields ?? []).map((field) => field.name.value));
    types.set(definition.name.value, fields);
  }
  return types;
}

/** Every root field has exactly one rule, and every rule a field: nothing can slip past. */
export function checkAccessRules(typeDefs: DocumentNode, rules: AccessRules): void {
  const types = fieldsByType(typeDefs);
  const missing = ROOTS.flatMap((root) =>
    (types.get(root) ?? [])
      .filter((field) => !rules[root]?.[field])
      .map((field) => `no rule for ${root}.${field}`),
  );
  const unknown = Object.entries(rules).flatMap(([typeName, fields]) =>
    Object.keys(fields ?? {})
      .filter((field) => !types.get(typeName)?.includes(field))
      .map((field) => `rule for unknown field ${typeName}.${field}`),
  );
  const problems = [...missing, ...unknown];
  if (problems.length > 0)
    throw new Error(`Access rules out of step with the schema: ${problems.join('; ')}`);
}

/** Wraps each ruled field's resolver (or the default one) so its rule runs before it does. */
export function enforceAccessRules<T extends object>(
  typeDefs: DocumentNode,
  resolvers: T,
  rules: AccessRules,
): T {
  checkAccessRules(typeDefs, rules);
  const map = resolvers as Record<string, Record<string, unknown> | undefined>;
  const guarded: Record<string, unknown> = { ...map };
  for (const [typeName, fieldRules] of Object.entries(rules)) {
    const fields: Record<string, unknown> = { ...map[typeName] };
    for (const [name, rule] of Object.entries(fieldRules ?? {})) {
      const resolve = fields[name];
      const inner = (typeof resolve === 'function' ? resolve : defaultFieldResolver) as Resolver;
      const outer: Resolver = (parent, args, context, info) => {
        authorize(rule, typeName, context.caller, args, parent);
        return inner(parent, args, context, info);
      };
      fields[name] = outer;
    }
    guarded[typeName] = fields;
  }
  return guarded as T;
}

/**
 * The same gate on a built schema, outermost: it runs before anything the kernel or the
 * subgraph wrapped around a resolver (the id check among them), so a caller who may not call a
 * field learns FORBIDDEN, not what shape its input should have.
 */
export function enforceAccessRulesOn(
  schema: GraphQLSchema,
  typeDefs: DocumentNode,
  rules: AccessRules,
): GraphQLSchema {
  checkAccessRules(typeDefs, rules);
  for (const [typeName, fieldRules] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const [name, rule] of Object.entries(fieldRules ?? {})) {
      const field = fields[name];
      if (!field) continue;
      const inner = (field.resolve ?? defaultFieldResolver) as Resolver;
      const outer: Resolver = (parent, args, context, info) => {
        authorize(rule, typeName, context.caller, args, parent);
        return inner(parent, args, context, info);
      };
      field.resolve = outer as typeof field.resolve;
    }
  }
  return schema;
}
