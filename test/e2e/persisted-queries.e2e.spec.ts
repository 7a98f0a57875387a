import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startNodeService, type NodeService } from '../../scripts/lib/processes.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { suiteSubgraphRoutes } from '../support/extra-service.js';
import type { PersistedQueryManifest } from '../../gateway/src/persisted/manifest.js';
import { gqlOk, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { repairInput } from '../support/work-orders.js';
import { TEST_LOG_DIR, testPort } from '../support/test-env.js';

const manifest = JSON.parse(
  readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
) as PersistedQueryManifest;
const idOf = (name: string) => manifest.operations.find((operation) => operation.name === name)!.id;
const RECORD = idOf('HotlineRecordHelpRequest');
const READ = idOf('HotlineHelpRequest');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface HelpRequestView {
  id: string;
  number: string;
  state: string;
  dueAt: string;
  receivedAt?: string;
}

/** POSTs a raw GraphQL-over-HTTP body, as a partner's client would. */
async function post<T = Record<string, unknown>>(
  body: object,
  token: string | null,
  url = process.env.GATEWAY_URL!,
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as GraphQLResponse<T>,
  };
}
const refusal = (result: Awaited<ReturnType<typeof post>>) => ({
  status: result.status,
  data: result.body.data ?? null,
  extensions: result.body.errors?.map((error) => error.extensions),
});

describe('partners: persisted queries only, through the gateway', () => {
  let propertyId: string;
  let hotline: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    hotline = await tokenFor('PARTNER', { partnerId: 'city-hotline', properties: [propertyId] });
  });

  it('records a help request by documentId and reads it back by its APQ hash', async () => {
    const recorded = await post<{ recordHelpRequest: { helpRequest: HelpRequestView } }>(
      {
        documentId: RECORD,
        variables: { input: repairInput(propertyId, { channel: 'SUPERVISION_HOTLINE' }) },
      },
      hotline,
    );
    expect(recorded.body.errors).toBeUndefined();
    const { receivedAt: _receivedAt, ...created } = recorded.body.data!.recordHelpRequest.helpRequest;
    expect(created).toMatchObject({ state: 'RECEIVED', number: expect.stringMatching(/^WO-\d{4}-\d{6}$/) });

    const read = await post<{ helpRequest: HelpRequestView }>(
      { extensions: apq(READ), variables: { id: created.id } },
      hotline,
    );
    expect(read.body).toEqual({ data: { helpRequest: expect.objectContaining(created) } });

    // The request is real: staff of the property see it, recorded through the hotline channel.
    const staffView = await gqlOk<{ helpRequest: { number: string; channel: string } }>(
      `query ($id: ID!) { helpRequest(id: $id) { number channel } }`,
      { id: created.id },
    );
    expect(staffView.helpRequest).toEqual({ number: created.number, channel: 'SUPERVISION_HOTLINE' });
    // First-party callers may name listed operations too.
    const byManager = await post(
      { documentId: READ, variables: { id: created.id } },
      await tokenFor('GENERAL_MANAGER'),
    );
    expect(byManager.body.data).toEqual({ helpRequest: expect.objectContaining(created) });
  });

  it('refuses a free-form query from a partner, and runs nothing', async () => {
    const before = await countRequests(propertyId);
    const result = await post(
      {
        query: `mutation ($input: RecordHelpRequestInput!) { recordHelpRequest(input: $input) { helpRequest { id } } }`,
        variables: { input: repairInput(propertyId) },
      },
      hotline,
    );
    expect(refusal(result)).toEqual({
      status: 400,
      data: null,
      extensions: [{ code: 'PERSISTED_QUERY_REQUIRED' }],
    });
    expect(await countRequests(propertyId)).toBe(before);
  });

  it('refuses ids the manifest does not list, by documentId or APQ hash (partners cannot register text)', async () => {
    const text = `query Mine { helpRequests(first: 100) { totalCount } }`;
    for (const body of [{ documentId: sha256(text) }, { query: text, extensions: apq(sha256(text)) }]) {
      expect(refusal(await post(body, hotline))).toEqual({
        status: 400,
        data: null,
        extensions: [{ code: 'PERSISTED_QUERY_NOT_LISTED' }],
      });
    }
  });

  it('refuses a listed operation that is not granted to the calling partner', async () => {
    const payments = await tokenFor('PARTNER', { partnerId: 'payment-provider', properties: [propertyId] });
    expect(refusal(await post({ documentId: READ, variables: { id: 'x' } }, payments))).toEqual({
      status: 403,
      data: null,
      extensions: [{ code: 'FORBIDDEN', reason: 'OPERATION_NOT_GRANTED' }],
    });
  });

  it('leaves unauthenticated requests to the usual UNAUTHENTICATED answer', async () => {
    const result = await post({ documentId: READ, variables: { id: 'x' } }, null);
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('partners: rate limit per partner', () => {
  // A gateway of its own, with a partner allowed 3 requests a minute: the suite's gateway keeps
  // the checked-in grants, and no test-only partner ships in schema/partners.json.
  let gateway: NodeService;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(`${tmpdir()}/courtyard-partners-`);
    writeFileSync(
      `${dir}/partners.json`,
      JSON.stringify({
        partners: {
          'throttled-hotline': {
            name: 'Throttled',
            operations: ['HotlineHelpRequest'],
            requestsPerMinute: 3,
          },
        },
      }),
    );
    const port = testPort(30);
    gateway = await startNodeService({
      name: 'gateway-throttled',
      entry: `${ROOT}gateway/src/index.ts`,
      port,
      logFile: `${TEST_LOG_DIR}/gateway-throttled.log`,
      env: {
        ...process.env,
        GATEWAY_PORT: String(port),
        PARTNERS_PATH: `${dir}/partners.json`,
        ...suiteSubgraphRoutes(),
      },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers RATE_LIMITED with 429 and Retry-After once a partner is over its rate', async () => {
    const throttled = await tokenFor('PARTNER', { partnerId: 'throttled-hotline' });
    const read = () => post({ documentId: READ, variables: { id: randomUUID() } }, throttled, gateway.url);
    for (let call = 0; call < 3; call += 1) {
      expect((await read()).body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    const limited = await read();
    expect(refusal(limited)).toEqual({ status: 429, data: null, extensions: [{ code: 'RATE_LIMITED' }] });
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    // The budget is the partner's: first-party callers on the same gateway are not held back.
    const manager = await post(
      { query: '{ properties(first: 1) { totalCount } }' },
      await tokenFor('GENERAL_MANAGER'),
      gateway.url,
    );
    expect(manager.status).toBe(200);
  });
});

describe('first-party callers: automatic persisted queries', () => {
  it('registers a query on first use, then runs it by hash alone', async () => {
    // A text no earlier run has registered (the comment is part of what is hashed).
    const query = `# ${randomUUID()}\nquery ApqProbe { properties(first: 1) { totalCount } }`;
    const token = await tokenFor('GENERAL_MANAGER');
    const hashOnly = { operationName: 'ApqProbe', extensions: apq(sha256(query)) };

    const unknown = await post(hashOnly, token);
    expect(unknown.body.errors?.map((error) => error.extensions?.code)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const registered = await post({ ...hashOnly, query }, token);
    expect(registered.body).toEqual({ data: { properties: { totalCount: expect.any(Number) } } });
    const byHash = await post(hashOnly, token);
    expect(byHash.body).toEqual(registered.body);
  });
});

async function countRequests(propertyId: string): Promise<number> {
  const data = await gqlOk<{ helpRequests: { totalCount: number } }>(
    `query ($p: ID!) { helpRequests(filter: { propertyId: $p }) { totalCount } }`,
    { p: propertyId },
  );
  return data.helpRequests.totalCount;
}
