import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Introspection fields that list types or fields. Each one nested in another multiplies the
 * answer by the size of the schema (`types { fields { type { fields { type { fields ... } } } } }`),
 * while the standard introspection query nests them only twice (`types { fields }`): its type
 * references go down `ofType`, which is one object per level. Only __Schema and __Type have
 * fields of these names among the introspection types, so the name inside `__schema` or
 * `__type` is enough to know them.
 */
const LISTING_FIELDS: ReadonlySet<string> = new Set([
  'types',
  'fields',
  'inputFields',
  'interfaces',
  'possibleTypes',
]);
const INTROSPECTION_ENTRIES: ReadonlySet<string> = new Set(['__schema', '__type']);

export const DEFAULT_MAX_INTROSPECTION_NESTING = 2;

/**
 * Refuses an operation whose introspection nests listing fields deeper than `maxNesting`
 * (`GRAPHQL_VALIDATION_FAILED`, reason `INTROSPECTION_TOO_DEEP`). The depth limit leaves
 * introspection alone (its type references are deep by design) and introspection-only
 * operations are priced flat, so this is what bounds the work one introspection can ask for.
 */
export const introspectionNestingRule =
  (maxNesting: number = DEFAULT_MAX_INTROSPECTION_NESTING): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const nesting = deepestListing(operation.selectionSet, fragments, false, new Set());
        if (nesting > maxNesting)
          context.reportError(
            new GraphQLError(
              `Introspection nests ${nesting} type or field listings; at most ${maxNesting} are allowed`,
              {
                nodes: [operation],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_TOO_DEEP' },
              },
            ),
          );
      },
    };
  };

function deepestListing(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  inIntrospection: boolean,
  entered: ReadonlySet<string>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let nesting = 0;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const introspecting = inIntrospection || INTROSPECTION_ENTRIES.has(name);
      const own = inIntrospection && LISTING_FIELDS.has(name) ? 1 : 0;
      nesting = selection.selectionSet
        ? own + deepestListing(selection.selectionSet, fragments, introspecting, entered)
        : own;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      nesting = deepestListing(selection.selectionSet, fragments, inIntrospection, entered);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown and cyclic fragments are reported by graphql-js's own rules.
      if (fragment && !entered.has(name))
        nesting = deepestListing(
          fragment.selectionSet,
          fragments,
          inIntrospection,
          new Set([...entered, name]),
        );
    }
    deepest = Math.max(deepest, nesting);
  }
  return deepest;
}
