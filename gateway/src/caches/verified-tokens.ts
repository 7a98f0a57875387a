import { LRUCache } from 'lru-cache';
import type { Caller } from '@courtyard/kernel';

/**
 * Bearer tokens the gateway has verified, each held no longer than its own `exp`: a client
 * sends the same token on every request, and verifying its signature is the largest fixed
 * cost of a request. Bounded (least recently used goes first); refusals are never held, so a
 * bad token is verified, and refused, every time.
 */
export interface VerifiedTokens {
  /** The caller a token was verified as, while the token has not expired. */
  get(token: string): Caller | undefined;
  /** Holds a verified token until `expiresAtSeconds` (its `exp` claim). */
  set(token: string, caller: Caller, expiresAtSeconds: number): void;
}

interface Entry {
  caller: Caller;
  expiresAtMs: number;
}

export function verifiedTokenCache(options: { max: number; now?: () => number }): VerifiedTokens {
  if (!Number.isInteger(options.max) || options.max < 1)
    throw new TypeError(`verifiedTokenCache: max must be a positive integer, got ${options.max}`);
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, Entry>({ max: options.max });
  return {
    get(token) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      // Expiry is checked here, by the injected clock, not left to the cache's own timer.
      if (now() >= entry.expiresAtMs) {
        entries.delete(token);
        return undefined;
      }
      return entry.caller;
    },
    set(token, caller, expiresAtSeconds) {
      const expiresAtMs = expiresAtSeconds * 1000;
      if (now() < expiresAtMs) entries.set(token, { caller, expiresAtMs });
    },
  };
}
