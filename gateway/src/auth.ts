import { jwtVerify, errors as joseErrors } from 'jose';
import { GraphQLError } from 'graphql';
import { isRole, type Caller } from '@courtyard/kernel';
import type { GatewayConfig } from './config.js';

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

/**
 * Verifies the caller's bearer token: HS256 only (so `alg: none` and algorithm swaps fail),
 * issuer, audience and expiry checked with bounded clock skew. Issue 9 adds JWKS for production.
 */
export async function authenticate(
  authorization: string | undefined,
  config: GatewayConfig,
): Promise<Caller> {
  const match = /^Bearer (.+)$/i.exec(authorization ?? '');
  if (!match?.[1])
    throw unauthenticated('MISSING_TOKEN', 'Send an access token: Authorization: Bearer <jwt>');
  try {
    const { payload } = await jwtVerify<AccessClaims>(match[1], new TextEncoder().encode(config.JWT_SECRET), {
      algorithms: ['HS256'],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockTolerance: config.JWT_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    });
    if (!payload.sub || !isRole(payload.role))
      throw unauthenticated('INVALID_CLAIMS', 'Token has no valid role');
    return {
      subject: payload.sub,
      role: payload.role,
      propertyIds: payload.properties ?? [],
      ...(payload.residentId ? { residentId: payload.residentId } : {}),
      ...(payload.partnerId ? { partnerId: payload.partnerId } : {}),
      ...(payload.name ? { name: payload.name } : {}),
    };
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    if (error instanceof joseErrors.JWTExpired)
      throw unauthenticated('TOKEN_EXPIRED', 'Access token expired');
    if (error instanceof joseErrors.JOSEError)
      throw unauthenticated('INVALID_TOKEN', 'Access token rejected');
    throw error;
  }
}
