import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** An identity provider's key set, served over real HTTP, that the test can rotate. */
export class KeySetServer {
  keys: JWK[] = [];
  fetches = 0;
  private readonly server = http.createServer((_, res) => {
    this.fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: this.keys }));
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }
  stop = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: PrivateKey;
  jwk: JWK;
}
export async function signingKey(kid: string, alg: SigningKey['alg']): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}
/** A token as the identity provider would issue it. */
export const signWith = (
  key: SigningKey,
  claims: { sub: string; role: string; properties?: string[] },
  audience = 'courtyard-api',
) =>
  new SignJWT({ role: claims.role, ...(claims.properties ? { properties: claims.properties } : {}) })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(claims.sub)
    .setIssuer('courtyard')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);
