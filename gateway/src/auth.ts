import {
  createRemoteJWKSet,
  jwtVerify,
  errors as joseErrors,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { GraphQLError } from 'graphql';
import { isRole, type Caller } from '@courtyard/kernel';
import type { GatewayConfig } from './config.js';
import type { VerifiedTokens } from './caches/verified-tokens.js';

/** Claims a Courtyard access token carries (besides iss, aud, exp, sub). */
export interface AccessClaims {
  role: string;
  properties?: string[];
  residentId?: string;
  partnerId?: string;
  name?: string;
}

const unauthenticated = (reason: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });

type Key = Uint8Array | JWTVerifyGetKey;
interface Verifier {
  key: Key;
  algorithms: string[];
}

/**
 * Production keys come from the identity provider's JWKS (RS256/ES256): fetched once, cached,
 * and fetched again when a token names a key id the cache lacks (rotation), no more often than
 * the cooldown. Local use signs with one shared HS256 secret. One mode at a time, so a JWKS
 * gateway never accepts a token signed with a guessable shared secret.
 */
const verifiers = new WeakMap<GatewayConfig, Verifier>();
function verifierFor(config: GatewayConfig): Verifier {
  let verifier = verifiers.get(config);
  if (!verifier) {
    verifier = config.JWT_JWKS_URL
      ? {
          key: createRemoteJWKSet(new URL(config.JWT_JWKS_URL), {
            cacheMaxAge: config.JWT_JWKS_CACHE_SECONDS * 1000,
            cooldownDuration: config.JWT_JWKS_COOLDOWN_SECONDS * 1000,
            timeoutDuration: 5000,
          }),
          algorithms: ['RS256', 'ES256'],
        }
      : { key: new TextEncoder().encode(config.JWT_SECRET), algorithms: ['HS256'] };
    verifiers.set(config, verifier);
  }
  return verifier;
}

async function verify(token: string, config: GatewayConfig, now: () => number) {
  const { key, algorithms } = verifierFor(config);
  const options: JWTVerifyOptions = {
    currentDate: new Date(now()),
    algorithms,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockTolerance: config.JWT_CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'iat', 'sub'],
  };
  return key instanceof Uint8Array
    ? jwtVerify<AccessClaims>(token, key, options)
    : jwtVerify<AccessClaims>(token, key, options);
}

/**
 * A token issued in the future (beyond the clock tolerance) was not issued by a sane clock, and
 * one living longer than JWT_MAX_LIFETIME_SECONDS cannot be revoked in any useful time: both are
 * refused even when the signature holds. `iat` and `exp` are required claims (jose checked them).
 */
function refuseImplausibleTimes(
  payload: { iat?: number; exp?: number },
  config: GatewayConfig,
  nowMs: number,
) {
  const iat = payload.iat ?? 0;
  const exp = payload.exp ?? 0;
  if (iat > nowMs / 1000 + config.JWT_CLOCK_TOLERANCE_SECONDS)
    throw unauthenticated('TOKEN_NOT_YET_VALID', 'Access token issued in the future');
  if (exp - iat > config.JWT_MAX_LIFETIME_SECONDS)
    throw unauthenticated('TOKEN_LIFETIME_TOO_LONG', 'Access token lives longer than allowed');
}

/**
 * Verifies the caller's bearer token: only the configured algorithms (so `alg: none` and
 * algorithm swaps fail), issuer, audience and expiry checked with bounded clock skew, issue time
 * not in the future and lifetime bounded. With
 * `verified`, a token verified before is answered from it until its `exp` (never beyond), and
 * a newly verified one is held there. `now` is the clock of both (tests move it).
 */
export async function authenticate(
  authorization: string | undefined,
  config: GatewayConfig,
  verified?: VerifiedTokens,
  now: () => number = Date.now,
): Promise<Caller> {
  const match = /^Bearer (.+)$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (!token) throw unauthenticated('MISSING_TOKEN', 'Send an access token: Authorization: Bearer <jwt>');
  const known = verified?.get(token);
  if (known) return known;
  try {
    const { payload } = await verify(token, config, now);
    refuseImplausibleTimes(payload, config, now());
    if (!payload.sub || !isRole(payload.role))
      throw unauthenticated('INVALID_CLAIMS', 'Token has no valid role');
    if (payload.role === 'PARTNER' && !payload.partnerId)
      throw unauthenticated('INVALID_CLAIMS', 'A partner token names its partner (partnerId)');
    const caller: Caller = {
      subject: payload.sub,
      role: payload.role,
      propertyIds: payload.properties ?? [],
      ...(payload.residentId ? { residentId: payload.residentId } : {}),
      ...(payload.partnerId ? { partnerId: payload.partnerId } : {}),
      ...(payload.name ? { name: payload.name } : {}),
    };
    // `exp` is a required claim: jose refused the token above without it.
    if (payload.exp !== undefined) verified?.set(token, caller, payload.exp);
    return caller;
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    if (error instanceof joseErrors.JWTExpired)
      throw unauthenticated('TOKEN_EXPIRED', 'Access token expired');
    if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
      throw unauthenticated('KEYS_UNAVAILABLE', 'Signing keys could not be fetched; try again');
    if (error instanceof joseErrors.JOSEError)
      throw unauthenticated('INVALID_TOKEN', 'Access token rejected');
    throw error;
  }
}
