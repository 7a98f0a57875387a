import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { Caller } from '@courtyard/kernel';
import { persistedQueryGate, verifiedCaller } from './gate.js';
import { indexManifest, operationId } from './manifest.js';
import { createPartnerRateLimiter } from './rate-limit.js';

const READ = 'query ReadRequest {\n  a\n}';
const manifest = indexManifest(
  {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: operationId(READ), name: 'ReadRequest', type: 'query', body: READ }],
  },
  'test',
);
const partners = new Map([['hotline', { name: 'H', operations: ['ReadRequest'], requestsPerMinute: 2 }]]);
// Tokens here are just the caller's name; the gate only needs something that verifies or throws.
const callers: Record<string, Caller> = {
  hotline: { subject: 'h', role: 'PARTNER', partnerId: 'hotline', propertyIds: ['*'] },
  manager: { subject: 'm', role: 'GENERAL_MANAGER', propertyIds: ['*'] },
};

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.use(
    express.json(),
    persistedQueryGate({
      rules: { manifest, partners },
      limiter: createPartnerRateLimiter(partners),
      authenticate: async (authorization) => {
        const caller = callers[authorization ?? ''];
        if (!caller) throw new Error('no such caller');
        return caller;
      },
    }),
    (req, res) => {
      res.json({ executed: req.body as unknown, caller: verifiedCaller(res)?.subject ?? null });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = async (who: string | null, body: object) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { authorization: who } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
};

describe('persisted-query gate as express middleware', () => {
  it('passes unauthenticated requests on untouched, for the context to refuse', async () => {
    expect(await send(null, { query: '{ a }' })).toMatchObject({
      status: 200,
      body: { executed: { query: '{ a }' }, caller: null },
    });
  });

  it('hands the verified caller on and swaps the listed text in', async () => {
    expect(await send('manager', { documentId: operationId(READ), variables: { x: 1 } })).toMatchObject({
      status: 200,
      body: {
        executed: { query: READ, operationName: 'ReadRequest', variables: { x: 1 }, extensions: {} },
        caller: 'm',
      },
    });
  });

  it('answers refusals in the GraphQL error shape, and a partner over its rate with 429 and Retry-After', async () => {
    expect(await send('hotline', { query: '{ a }' })).toEqual({
      status: 400,
      retryAfter: null,
      body: {
        errors: [
          {
            message: expect.stringContaining('listed operations only'),
            extensions: { code: 'PERSISTED_QUERY_REQUIRED' },
          },
        ],
      },
    });
    expect((await send('hotline', { documentId: operationId(READ) })).status).toBe(200);
    const limited = await send('hotline', { documentId: operationId(READ) });
    expect(limited).toMatchObject({
      status: 429,
      body: { errors: [{ extensions: { code: 'RATE_LIMITED' } }] },
    });
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    // First-party callers share no budget with partners.
    expect((await send('manager', { query: '{ a }' })).status).toBe(200);
  });
});
