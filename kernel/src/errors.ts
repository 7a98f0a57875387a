export * from './domain/errors.js';

/** MongoDB's duplicate-key error, as both real MongoDB and the local wire server report it. */
export const isDuplicateKeyError = (error: unknown): error is Error & { code: number; keyValue?: object } =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * The `id` of a federation entity reference. Codegen types references against the stored
 * record (keyed `_id`), while the router sends the `@key` fields as declared (`id`).
 */
export const referenceId = (reference: object): string => (reference as { id: string }).id;

/** An entity another subgraph owns, as a subgraph that extends it knows it: just its key. */
export interface EntityReference {
  id: string;
}

/**
 * The driver's errors for a database it cannot reach (down, restarting, connection dropped):
 * not the request's fault and worth retrying, unlike a refused or invalid command.
 */
const UNREACHABLE_DATABASE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    if (cause instanceof Error && UNREACHABLE_DATABASE_ERRORS.has(cause.name)) return true;
    cause =
      (cause as { cause?: unknown; originalError?: unknown }).originalError ??
      (cause as { cause?: unknown }).cause;
  }
  return false;
};
