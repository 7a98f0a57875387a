import { DomainError } from './errors.js';

/**
 * The one refusal for an idempotency key sent again with a different request: a CONFLICT with
 * the stable reason `IDEMPOTENCY_KEY_REUSED`, never a second record. The kernel gives it for a
 * request's `Idempotency-Key` header; billing for the keys its payments and refunds carry in
 * their input.
 */
export const keyReusedFor = (entry: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(
    'CONFLICT',
    'IDEMPOTENCY_KEY_REUSED',
    `This idempotency key was already used for a different ${entry}`,
    details,
  );
