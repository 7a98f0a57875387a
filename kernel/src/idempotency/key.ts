import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Caller } from '../domain/caller.js';
import { idsDerivedFrom } from '../ids.js';

/**
 * The header a client sends to make a mutation safe to retry (the IETF httpapi draft's name).
 * The gateway forwards it to every subgraph of the request; each subgraph handles it once, in
 * the kernel, for every mutation it serves, so no mutation's SDL carries a key argument.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Long enough to be unguessable within one caller's keys, short enough to store and index. */
const KEY_FORMAT = /^[\x21-\x7e]{8,128}$/;

/**
 * The key of a request, or undefined when it sent none. A key that is not 8 to 128 printable
 * ASCII characters (no spaces, no control characters) is refused before anything runs.
 */
export function idempotencyKeyOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY_FORMAT.test(value)) {
    throw new GraphQLError('The Idempotency-Key header must be 8 to 128 printable ASCII characters', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_INVALID', http: { status: 400 } },
    });
  }
  return value;
}

/**
 * Keys are per caller: one caller's key never meets another's. The scope is a digest, so it is
 * a fixed-size `_id` whatever the subject and key hold.
 */
export const idempotencyScopeOf = (caller: Caller, key: string): string =>
  createHash('sha256')
    .update(JSON.stringify([caller.subject, key]))
    .digest('hex');

/**
 * The ids of a command taken under a key: derived from the caller and the key, so a retry that
 * runs again (its first attempt wrote and then crashed before its result was recorded) decides
 * the same `_id` and meets the first record on the unique `_id` instead of creating a second
 * (`AggregateWriter.insert` then returns that record, so the retry answers as the first would have).
 * Per subgraph: one key sent to two subgraphs never gives two of their records the same id.
 */
export const idsForKey = (service: string, caller: Caller, key: string): (() => string) =>
  idsDerivedFrom(`idempotency:${service}:${idempotencyScopeOf(caller, key)}`);
