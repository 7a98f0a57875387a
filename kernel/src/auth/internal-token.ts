import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
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

const keyOf = (secret: string) => new TextEncoder().encode(secret);

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
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      clockTolerance: 5,
    });
    if (!payload.sub || !isRole(payload.role) || !Array.isArray(payload.propertyIds)) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'MALFORMED_CALLER',
        'Caller token lacks subject, role or scope',
      );
    }
    return {
      subject: payload.sub,
      role: payload.role,
      propertyIds: payload.propertyIds.map(String),
      ...(typeof payload.residentId === 'string' ? { residentId: payload.residentId } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof joseErrors.JOSEError) {
      throw new DomainError('UNAUTHENTICATED', 'INVALID_CALLER', 'Caller token rejected');
    }
    throw error;
  }
}
