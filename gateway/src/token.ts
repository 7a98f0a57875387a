import { SignJWT } from 'jose';
import type { AccessClaims } from './auth.js';

/** Issues a token the gateway accepts; used by `npm run token`, the demo seed and the tests. */
export async function issueAccessToken(
  claims: AccessClaims & { sub: string },
  options: { secret: string; issuer?: string; audience?: string; expiresIn?: string },
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(options.issuer ?? 'courtyard')
    .setAudience(options.audience ?? 'courtyard-api')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}
