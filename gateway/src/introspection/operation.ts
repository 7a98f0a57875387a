import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Root fields answered from the gateway's own schema: no subgraph is called for them. */
export const INTROSPECTION_ROOT_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type', '__typename']);

/**
 * Whether the operation that would run reads only the schema (`__schema`, `__type`,
 * `__typename` at its root, through fragments too), as GraphiQL, Apollo Sandbox and
 * graphql-codegen send it. A document naming no runnable operation is not introspection.
 */
export function isIntrospectionOnly(document: DocumentNode, operationName?: string | null): boolean {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return false;
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return rootReadsOnlySchema(operation.selectionSet, fragments, new Set());
}

function rootReadsOnlySchema(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  entered: ReadonlySet<string>,
): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_ROOT_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootReadsOnlySchema(selection.selectionSet, fragments, entered);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    // An unknown or cyclic fragment fails validation anyway; it is not "only introspection".
    if (!fragment || entered.has(name)) return false;
    return rootReadsOnlySchema(fragment.selectionSet, fragments, new Set([...entered, name]));
  });
}
