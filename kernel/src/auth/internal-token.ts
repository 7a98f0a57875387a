import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../errors.js';
import type { Caller } from '../domain/caller.js';
import { isRole } from '../domain/roles.js';

/**
 * Subgraphs trust identity only from the gateway: it re-signs the verified caller into a
 * short-lived internal token with a secret only the platform's services hold. A direct call
 * to a subgraph without it is refused.
 */
export const CALLER_HEADER = 'x-courtyard-caller';
export const REQUEST_ID_HEADER = 'x-request-id';
const ISSUER = 'courtyard-gateway';
const AUDIENCE = 'courtyard-subgraphs';
const TTL_SECONDS = 60;

/** The same leeway jose gives `exp` below: a cached token is served no longer than jose would accept it. */
const CLOCK_TOLERANCE_SECONDS = 5;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Tokens already verified, per secret, until they expire: the gateway re-signs a caller once for
 * part of the token's lifetime, so a busy caller sends the same token many times, and verifying
 * its HMAC and claims each time was about 5% of a subgraph's CPU on a page of units. Keyed by the
 * whole token (signature included): only the very token that passed is served again, and only
 * with the secret it passed under. Refusals are not kept. Bounded in count, least recent first.
 */
const verified = new Map<string, LRUCache<string, { caller: Caller; expiresAtMs: number }>>();
const VERIFIED_TOKENS_KEPT = 10_000;

function verifiedUnder(secret: string) {
  let tokens = verified.get(secret);
  if (!tokens) verified.set(secret, (tokens = new LRUCache({ max: VERIFIED_TOKENS_KEPT })));
  return tokens;
}

export async function signCallerToken(caller: Caller, secret: string): Promise<string> {
  return new SignJWT({
    role: caller.role,
    propertyIds: caller.propertyIds,
    ...(caller.residentId ? { residentId: caller.residentId } : {}),
    ...(caller.partnerId ? { partnerId: caller.partnerId } : {}),
    ...(caller.name ? { name: caller.name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(keyOf(secret));
}

export async function verifyCallerToken(token: string | undefined, secret: string): Promise<Caller> {
  if (!token) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'MISSING_CALLER',
      'Subgraphs accept calls through the gateway only',
    );
  }
  const tokens = verifiedUnder(secret);
  const known = tokens.get(token);
  // Date.now, as jose checks `exp`: the same clock decides whether the token is still good.
  if (known && Date.now() < known.expiresAtMs) return known.caller;
  if (known) tokens.delete(token);
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (!payload.sub || !isRole(payload.role) || !Array.isArray(payload.propertyIds)) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'MALFORMED_CALLER',
        'Caller token lacks subject, role or scope',
      );
    }
    // Frozen: the same caller answers every request that sends this token.
    const caller: Caller = Object.freeze({
      subject: payload.sub,
      role: payload.role,
      propertyIds: Object.freeze(payload.propertyIds.map(String)) as string[],
      ...(typeof payload.residentId === 'string' ? { residentId: payload.residentId } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    });
    // jwtVerify required `exp` to be there (signCallerToken always sets it) and not past.
    if (typeof payload.exp === 'number')
      tokens.set(token, { caller, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
    return caller;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof joseErrors.JOSEError) {
      throw new DomainError('UNAUTHENTICATED', 'INVALID_CALLER', 'Caller token rejected');
    }
    throw error;
  }
}
