import { describe, expect, it } from '@jest/globals';
import { decide, withListedBody, type GateRules } from './decide.js';
import { indexManifest, operationId } from './manifest.js';

const READ = 'query ReadRequest($id: ID!) {\n  request(id: $id) {\n    id\n  }\n}';
const RECORD = 'mutation Record($t: String!) {\n  record(text: $t) {\n    id\n  }\n}';
const manifest = indexManifest(
  {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [
      { id: operationId(READ), name: 'ReadRequest', type: 'query', body: READ },
      { id: operationId(RECORD), name: 'Record', type: 'mutation', body: RECORD },
    ],
  },
  'test manifest',
);
const rules: GateRules = {
  manifest,
  partners: new Map([
    ['hotline', { name: 'Hotline', operations: ['ReadRequest'], requestsPerMinute: 10 }],
    ['payments', { name: 'Payments', operations: [], requestsPerMinute: 10 }],
  ]),
};
const hotline = { role: 'PARTNER' as const, partnerId: 'hotline' };
const manager = { role: 'GENERAL_MANAGER' as const };
const post = (body: unknown) => ({ method: 'POST', body });
const apq = (hash: string, extra: object = {}) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  ...extra,
});
const refusal = (decision: ReturnType<typeof decide>) =>
  decision.action === 'refuse' ? decision.refusal : { action: decision.action };

describe('persisted-query gate: partners', () => {
  it('runs a granted listed operation named by documentId or by its APQ hash', () => {
    for (const body of [{ documentId: operationId(READ) }, apq(operationId(READ))]) {
      expect(decide(hotline, post(body), rules)).toMatchObject({
        action: 'run',
        operation: { name: 'ReadRequest' },
      });
    }
  });

  it('runs the listed text even when different text comes with the APQ hash', () => {
    const decision = decide(hotline, post(apq(operationId(READ), { query: '{ everything }' })), rules);
    expect(decision).toMatchObject({ action: 'run', operation: { body: READ } });
  });

  it('refuses free-form queries and GET requests: persisted queries only', () => {
    for (const request of [post({ query: READ }), post(undefined), { method: 'GET', body: undefined }]) {
      expect(refusal(decide(hotline, request, rules))).toMatchObject({
        status: 400,
        code: 'PERSISTED_QUERY_REQUIRED',
      });
    }
  });

  it('refuses ids the manifest does not list', () => {
    for (const body of [{ documentId: 'f'.repeat(64) }, apq(operationId('{ request(id: "1") { id } }'))]) {
      expect(refusal(decide(hotline, post(body), rules))).toMatchObject({
        status: 400,
        code: 'PERSISTED_QUERY_NOT_LISTED',
      });
    }
  });

  it('refuses a listed operation not granted to this partner', () => {
    expect(refusal(decide(hotline, post({ documentId: operationId(RECORD) }), rules))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      reason: 'OPERATION_NOT_GRANTED',
      message: 'Operation Record is not granted to this partner',
    });
    expect(
      refusal(
        decide({ role: 'PARTNER', partnerId: 'payments' }, post({ documentId: operationId(READ) }), rules),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_GRANTED' });
  });

  it('refuses partner tokens without a registered partnerId', () => {
    for (const caller of [
      { role: 'PARTNER' as const },
      { role: 'PARTNER' as const, partnerId: 'stranger' },
    ]) {
      expect(refusal(decide(caller, post({ documentId: operationId(READ) }), rules))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
        reason: 'UNKNOWN_PARTNER',
      });
    }
  });
});

describe('persisted-query gate: first-party callers', () => {
  it('leaves free-form queries and APQ to Apollo', () => {
    expect(decide(manager, post({ query: '{ anything }' }), rules)).toEqual({ action: 'pass' });
    expect(decide(manager, post(apq('0'.repeat(64))), rules)).toEqual({ action: 'pass' });
    expect(decide(manager, { method: 'GET', body: undefined }, rules)).toEqual({ action: 'pass' });
  });

  it('may run any listed operation by documentId, and gets NOT_LISTED for others', () => {
    expect(decide(manager, post({ documentId: operationId(RECORD) }), rules)).toMatchObject({
      action: 'run',
    });
    expect(refusal(decide(manager, post({ documentId: 'nope' }), rules))).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_LISTED',
    });
  });

  it('refuses a documentId that is not a string, or comes with query text (for everyone)', () => {
    for (const caller of [manager, hotline]) {
      expect(
        refusal(decide(caller, post({ documentId: operationId(READ), query: READ }), rules)),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DOCUMENT_ID_WITH_QUERY',
      });
      expect(refusal(decide(caller, post({ documentId: 7 }), rules))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_DOCUMENT_ID',
      });
    }
  });
});

describe('the body Apollo executes for a listed operation', () => {
  it('carries the listed text and name, the caller variables and other extensions', () => {
    const operation = manifest.byId.get(operationId(READ))!;
    expect(
      withListedBody(
        {
          documentId: operation.id,
          operationName: 'Whatever',
          variables: { id: 'r1' },
          extensions: { persistedQuery: { version: 1, sha256Hash: operation.id }, trace: true },
        },
        operation,
      ),
    ).toEqual({
      query: READ,
      operationName: 'ReadRequest',
      variables: { id: 'r1' },
      extensions: { trace: true },
    });
  });
});

describe('persisted-query gate: introspection', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const withIntrospection: GateRules = { ...rules, readsOnlySchema: (query) => query === INTROSPECTION };

  it('lets a partner introspect while introspection is enabled', () => {
    expect(decide(hotline, post({ query: INTROSPECTION }), withIntrospection)).toEqual({ action: 'pass' });
  });

  it('keeps the safelist for a partner when introspection is off, and for text that reads data', () => {
    expect(refusal(decide(hotline, post({ query: INTROSPECTION }), rules))).toMatchObject({
      code: 'PERSISTED_QUERY_REQUIRED',
    });
    expect(refusal(decide(hotline, post({ query: READ }), withIntrospection))).toMatchObject({
      code: 'PERSISTED_QUERY_REQUIRED',
    });
  });
});
