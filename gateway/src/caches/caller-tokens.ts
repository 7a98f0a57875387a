import { LRUCache } from 'lru-cache';
import { signCallerToken, type Caller } from '@courtyard/kernel';
import { callerScopeOf } from './caller-scope.js';

/** How long the kernel's caller token is valid (signCallerToken's TTL). */
const CALLER_TOKEN_TTL_MS = 60_000;

/**
 * The caller re-signed for subgraphs, reused for part of its 60 s lifetime: a caller's
 * requests within `reuseForMs` carry the same internal token, so the gateway signs once per
 * caller per window instead of once per request. Keyed by every claim the token carries, so
 * two callers differing in anything (subject, role, properties, resident, partner, name)
 * never share a token; a reused token always has at least 60 s - `reuseForMs` left.
 */
export type CallerSigner = (caller: Caller) => Promise<string>;

export function cachedCallerSigner(options: {
  secret: string;
  max: number;
  reuseForMs: number;
  now?: () => number;
  sign?: (caller: Caller, secret: string) => Promise<string>;
}): CallerSigner {
  if (!(options.reuseForMs >= 0 && options.reuseForMs <= CALLER_TOKEN_TTL_MS / 2))
    throw new TypeError(
      `cachedCallerSigner: reuseForMs must be 0 to ${CALLER_TOKEN_TTL_MS / 2}, got ${options.reuseForMs}`,
    );
  const now = options.now ?? Date.now;
  const sign = options.sign ?? signCallerToken;
  const tokens = new LRUCache<string, { token: Promise<string>; signedAtMs: number }>({ max: options.max });
  return async (caller) => {
    const key = callerScopeOf(caller);
    const held = tokens.get(key);
    if (held && now() - held.signedAtMs < options.reuseForMs) return held.token;
    const token = sign(caller, options.secret);
    tokens.set(key, { token, signedAtMs: now() });
    // A failed signing is not held: the next request signs again.
    token.catch(() => tokens.delete(key));
    return token;
  };
}
