import { LRUCache } from 'lru-cache';
import { Kind, type OperationDefinitionNode, type TypeNode } from 'graphql';

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

/**
 * The only variables that can change what an operation costs: the price reads page sizes
 * (`first`, an Int argument) and `@include`/`@skip` conditions (Booleans). Every other variable
 * (an ID, a String, an enum, an input object such as an intake's whole input) is left out, so
 * fifty requests for fifty different units, or a hundred intakes with a hundred different
 * descriptions, price once. A new estimator reading other arguments must widen this list.
 */
const PRICED_TYPES = new Set(['Int', 'Boolean']);

export function variablesShape(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string {
  return JSON.stringify(
    (operation.variableDefinitions ?? [])
      .filter((definition) => PRICED_TYPES.has(namedType(definition.type)))
      .map((definition) => variables[definition.variable.name.value] ?? null),
  );
}

/** The price of a document per variables shape, bounded (least recently used goes first). */
export class CostCache {
  private readonly costs: LRUCache<string, number>;

  constructor(max: number) {
    this.costs = new LRUCache({ max });
  }

  priced(
    queryHash: string,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    price: () => number,
  ): number {
    const key = `${queryHash}\n${operation.name?.value ?? ''}\n${variablesShape(operation, variables)}`;
    const known = this.costs.get(key);
    if (known !== undefined) return known;
    const cost = price();
    this.costs.set(key, cost);
    return cost;
  }
}
