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
 * (e.g. `DUPLICATE_UNIT_NUMBER`) that clients may branch on; `message` is for people. The
 * kernel's error formatter is the one place that turns it into a GraphQL error.
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

/**
 * The one answer for a record that does not exist and for one the caller may not see, so an
 * answer never reveals that a record exists (a confidential complaint, another household).
 */
export const notFound = (entity: string, id: string): never => {
  throw new DomainError('NOT_FOUND', `${toReason(entity)}_NOT_FOUND`, `${entity} ${id} does not exist`, {
    entity,
    id,
  });
};

const toReason = (entity: string) => entity.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
