import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway } from '../support/extra-service.js';
import { gql } from '../support/graphql.js';
import { testPort } from '../support/test-env.js';

describe('gateway: a subgraph refusing the caller is a stable code, never the subgraph’s internals', () => {
  let gateway: NodeService | undefined;

  beforeAll(async () => {
    // A gateway whose internal secret the subgraphs do not share: every subgraph refuses it (401).
    gateway = await startExtraGateway('refusals', testPort(50), {
      INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('answers with the code, the subgraph, the request id and the path; no URL, status or body', async () => {
    const requestId = `refusal-${randomBytes(4).toString('hex')}`;
    const result = await gql(
      `{ properties(first: 1) { totalCount } }`,
      {},
      {
        url: gateway!.url,
        headers: { 'x-request-id': requestId },
      },
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'The residents service refused the request',
        path: ['properties'],
        extensions: {
          code: 'UNAUTHENTICATED',
          reason: 'SUBGRAPH_REFUSED_CALLER',
          subgraph: 'residents',
          serviceName: 'residents',
          requestId,
        },
      },
    ]);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/response|127\.0\.0\.1|http:|statusText|x-courtyard-caller/i);
  });
});
