import { describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { signCallerToken } from '@courtyard/kernel';
import { tokenFor } from '../support/graphql.js';

/** The suite's gateway and one subgraph, each with the body limit it enforces. */
const targets = async (): Promise<
  Array<{ name: string; url: string; limit: number; headers: Record<string, string> }>
> => [
  {
    name: 'gateway',
    url: process.env.GATEWAY_URL!,
    limit: 256 * 1024,
    headers: { authorization: `Bearer ${await tokenFor('GENERAL_MANAGER')}` },
  },
  {
    name: 'residents subgraph',
    url: `${process.env.TEST_SUBGRAPH_RESIDENTS}/graphql`,
    limit: 1024 * 1024,
    headers: {
      'x-courtyard-caller': await signCallerToken(
        { subject: 'edge-test', role: 'SYSTEM', propertyIds: ['*'] },
        process.env.INTERNAL_AUTH_SECRET!,
      ),
    },
  },
];

const QUERY = JSON.stringify({ query: '{ __typename }' });
const cases: Array<{
  name: string;
  status: number;
  code: string;
  request: (limit: number) => { headers: Record<string, string>; body: string | Uint8Array };
}> = [
  {
    name: 'malformed JSON',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' }),
  },
  {
    name: 'a body over the limit',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    request: (limit) => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(limit)}` }),
    }),
  },
  {
    name: 'an unsupported charset',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: () => ({ headers: { 'content-type': 'application/json; charset=iso-8859-1' }, body: QUERY }),
  },
  {
    name: 'an unsupported content encoding',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: () => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: QUERY,
    }),
  },
  {
    name: 'a gzip body that does not inflate',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(QUERY).subarray(0, 12),
    }),
  },
  {
    name: 'a body that is not JSON (text/plain)',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({ headers: { 'content-type': 'text/plain' }, body: QUERY }),
  },
  {
    name: 'a JSON body without a query',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{}' }),
  },
  {
    name: 'a batch (a JSON array)',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: `[${QUERY},${QUERY}]` }),
  },
  {
    name: 'a JSON string',
    status: 400,
    code: 'BAD_REQUEST',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '"{ __typename }"' }),
  },
];

describe('every answer of /graphql is JSON with a stable code, never an HTML page', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const target of await targets()) {
      const { headers, body } = c.request(target.limit);
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { ...target.headers, ...headers },
        body,
      });
      const text = await response.text();
      const summary = {
        target: target.name,
        status: response.status,
        type: response.headers.get('content-type'),
      };
      expect(summary).toEqual({
        target: target.name,
        status: c.status,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: c.code } }],
      });
      expect(text).not.toMatch(/<html|<pre|\bat .+\(|node_modules|\/work\//i);
    }
  });

  it('answers an unknown path with JSON too', async () => {
    for (const target of await targets()) {
      const response = await fetch(new URL('/nowhere', target.url), { method: 'POST', body: QUERY });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });
});
