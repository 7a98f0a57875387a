import { LRUCache } from 'lru-cache';
import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * Identical subgraph fetches in flight at once are sent once: twenty clients asking for the
 * same board in the same millisecond cost the subgraph one request. Only within one caller
 * scope (the same signed caller token, so the same identity and rights), only for queries
 * (a mutation is never merged with another), and only while the first is in flight: nothing
 * is kept once it has answered.
 */
export class InFlightFetches<T> {
  private readonly pending = new Map<string, { answer: Promise<T>; joined: number }>();

  /**
   * Runs `fetch` unless the same key is in flight, in which case it waits for that one. When
   * others joined, everyone (the first too) gets its own `copy` of the answer: the gateway's
   * executor merges entity answers into the objects it received, so one request must never
   * hold another's objects.
   */
  async run(key: string | undefined, fetch: () => Promise<T>, copy: (answer: T) => T): Promise<T> {
    if (key === undefined) return fetch();
    const inFlight = this.pending.get(key);
    if (inFlight) {
      inFlight.joined += 1;
      return copy(await inFlight.answer);
    }
    const entry = { answer: fetch(), joined: 0 };
    this.pending.set(key, entry);
    try {
      const answer = await entry.answer;
      // Synchronous from here: no one can join between this check and the delete below.
      return entry.joined > 0 ? copy(answer) : answer;
    } finally {
      this.pending.delete(key);
    }
  }

  /** How many distinct fetches are in flight (for tests). */
  get size(): number {
    return this.pending.size;
  }
}

/** The operation a document runs: query, mutation or subscription; undefined unless exactly one. */
const operationKindOf = (document: DocumentNode): string | undefined => {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operations.length === 1 && operations[0]?.kind === Kind.OPERATION_DEFINITION
    ? operations[0].operation
    : undefined;
};

/**
 * The gateway's executor passes the fetch's document only when the planner is told to expose
 * it; otherwise the kind is read from the text, parsed once per distinct subgraph operation (the
 * planner writes a bounded set of them).
 */
const kinds = new LRUCache<string, string>({ max: 2000 });
function operationKind(document: DocumentNode | undefined, query: string): string | undefined {
  if (document) return operationKindOf(document);
  const known = kinds.get(query);
  if (known !== undefined) return known || undefined;
  let kind: string | undefined;
  try {
    kind = operationKindOf(parse(query));
  } catch {
    kind = undefined;
  }
  kinds.set(query, kind ?? '');
  return kind;
}

/**
 * What makes two subgraph fetches the same: subgraph URL, signed caller, operation text, name and
 * variables. Undefined (never merged) without a caller token or when the fetch is not one
 * query operation.
 */
export function coalescingKey(fetch: {
  url: string;
  callerToken: string | undefined;
  document: DocumentNode | undefined;
  query: string | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}): string | undefined {
  if (!fetch.callerToken || !fetch.query || operationKind(fetch.document, fetch.query) !== 'query')
    return undefined;
  return JSON.stringify([
    fetch.url,
    fetch.callerToken,
    fetch.operationName ?? null,
    fetch.query,
    fetch.variables ?? null,
  ]);
}
