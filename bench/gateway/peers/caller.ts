import { SignJWT } from 'jose';
import { CALLER_HEADER } from '@courtyard/kernel';

/**
 * The caller header the subgraphs require, signed once for the whole run (the peers cannot
 * re-sign per caller as Courtyard's gateway does): the same claims and issuer/audience as the
 * gateway's `signCallerToken`, with a lifetime longer than the bench instead of 60 s.
 */
export async function preSignedCaller(secret: string): Promise<[string, string]> {
  const token = await new SignJWT({ role: 'GENERAL_MANAGER', propertyIds: ['*'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuer('courtyard-gateway')
    .setAudience('courtyard-subgraphs')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
  return [CALLER_HEADER, token];
}

/** What every peer's entry reads from its environment. */
export function peerEnv(): { port: number; supergraphPath: string; secret: string } {
  const { PEER_PORT, SUPERGRAPH_PATH, INTERNAL_AUTH_SECRET } = process.env;
  if (!PEER_PORT || !SUPERGRAPH_PATH || !INTERNAL_AUTH_SECRET)
    throw new Error('PEER_PORT, SUPERGRAPH_PATH and INTERNAL_AUTH_SECRET are required');
  return { port: Number(PEER_PORT), supergraphPath: SUPERGRAPH_PATH, secret: INTERNAL_AUTH_SECRET };
}
