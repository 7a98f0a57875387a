import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { introspectionNestingRule } from '../introspection/index.js';

/** graphql-armor finds the violation; we report it with the same code and a stable reason. */
const withReason =
  (reason: string) =>
  (context: ValidationContext | null, error: GraphQLError): void =>
    context?.reportError(
      new GraphQLError(error.message, {
        nodes: error.nodes ?? [],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason },
      }),
    );

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
}

/** Validation rules: they run before planning, so a refused query never reaches a subgraph. */
export const shapeRules = (limits: ShapeLimits): ValidationRule[] => [
  maxDepthRule({
    n: limits.maxDepth,
    ignoreIntrospection: true,
    flattenFragments: true,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [withReason('QUERY_TOO_DEEP')],
  }) as ValidationRule,
  maxAliasesRule({
    n: limits.maxAliases,
    // graphql-armor lets `__typename` aliases through by default: 10,000 of them are still
    // 10,000 entries the gateway builds an answer for, so every alias counts.
    allowList: [],
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [withReason('TOO_MANY_ALIASES')],
  }) as ValidationRule,
  // The depth limit ignores introspection; this bounds it instead.
  introspectionNestingRule(),
];
