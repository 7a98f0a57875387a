import { GraphQLError } from 'graphql';

/** The only error codes a client ever sees (product spec §7). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A refusal the product makes on purpose. `reason` is a stable, machine-readable word
 * (e.g. `DUPLICATE_UNIT_NUMBER`) that clients may branch on; `message` is for people.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (entity: string, id: string): never => {
  throw new DomainError('NOT_FOUND', `${toReason(entity)}_NOT_FOUND`, `${entity} ${id} does not exist`, {
    entity,
    id,
  });
};

export const forbidden = (reason: string, message: string): never => {
  throw new DomainError('FORBIDDEN', reason, message);
};

const toReason = (entity: string) => entity.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** Maps a DomainError to the GraphQL error clients receive; anything else is masked elsewhere. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      reason: error.reason,
      ...(error.details ? { details: error.details } : {}),
    },
  });
}

/** MongoDB's duplicate-key error, as both real MongoDB and the local wire server report it. */
export const isDuplicateKeyError = (error: unknown): error is Error & { code: number; keyValue?: object } =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * The `id` of a federation entity reference. Codegen types references against the stored
 * record (keyed `_id`), while the router sends the `@key` fields as declared (`id`).
 */
export const referenceId = (reference: object): string => (reference as { id: string }).id;
