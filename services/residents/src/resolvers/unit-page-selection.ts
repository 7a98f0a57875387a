import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { UnitPageJoin } from '../repository/unit-page-join.js';

/** The selection sets of the fields called `name` in `sets`, through fragments and inline fragments. */
function fieldsNamed(
  sets: readonly SelectionSetNode[],
  name: string,
  fragments: GraphQLResolveInfo['fragments'],
): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

/**
 * Whether the operation selects this path of object fields under the resolver's field (by field
 * name, not alias). `@skip`/`@include` are not evaluated: a relation read and not shown costs
 * a little, never correctness.
 */
function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsNamed(sets, name, info.fragments);
    if (sets.length === 0) return false;
  }
  return true;
}

/** What a units connection shows beyond the units, so the page reads it in the same command. */
export function unitPageJoinOf(info: GraphQLResolveInfo): UnitPageJoin {
  const households = selects(info, ['edges', 'node', 'household']);
  return {
    households,
    residents: households && selects(info, ['edges', 'node', 'household', 'members', 'resident']),
  };
}
