import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway } from '../support/extra-service.js';
import { errorCodes, gql, tokenFor } from '../support/graphql.js';
import { KeySetServer, signingKey, signWith } from '../support/key-set.js';
import { testPort } from '../support/test-env.js';

const PROPERTIES = `{ properties(first: 1) { totalCount } }`;
const INTROSPECTION = `{ __schema { queryType { name } } }`;
const landingPage = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

describe('gateway in production mode: JWKS keys, no introspection, no IDE', () => {
  const keySet = new KeySetServer();
  let gateway: NodeService | undefined;
  let key: Awaited<ReturnType<typeof signingKey>>;

  beforeAll(async () => {
    key = await signingKey('prod-2026-11', 'RS256');
    keySet.keys = [key.jwk];
    gateway = await startExtraGateway('production', testPort(30), {
      NODE_ENV: 'production',
      JWT_JWKS_URL: await keySet.start(),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await keySet.stop();
  });

  it('serves a caller whose RS256 token the identity provider’s key set verifies', async () => {
    const token = await signWith(key, { sub: 'gm-1', role: 'GENERAL_MANAGER', properties: ['*'] });
    const result = await gql<{ properties: { totalCount: number } }>(
      PROPERTIES,
      {},
      { url: gateway!.url, token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.properties.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses a token signed with the local shared secret', async () => {
    const result = await gql(PROPERTIES, {}, { url: gateway!.url, token: await tokenFor('GENERAL_MANAGER') });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses introspection and serves no IDE, where the development gateway allows both', async () => {
    const token = await signWith(key, { sub: 'gm-1', role: 'GENERAL_MANAGER', properties: ['*'] });
    const production = await gql(INTROSPECTION, {}, { url: gateway!.url, token });
    expect(errorCodes(production)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(production.data ?? null).toBeNull();
    const development = await gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
    expect(development.data?.__schema.queryType.name).toBe('Query');

    const page = await landingPage(gateway!.url);
    expect(await page.text()).not.toMatch(/<html/i);
    expect(await (await landingPage(process.env.GATEWAY_URL!)).text()).toMatch(/<html/i);
  });
});
