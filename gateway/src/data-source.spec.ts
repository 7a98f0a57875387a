import { describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, parseTraceparent, REQUEST_ID_HEADER } from '@courtyard/kernel';
import { SubgraphDataSource, traceparentForSubgraphs, type GatewayContext } from './data-source.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const INCOMING = `00-${TRACE}-00f067aa0ba902b7-01`;

describe('trace context the gateway sends to subgraphs', () => {
  it('continues a valid incoming trace as its own span: same trace id and flags, new parent id', () => {
    const sent = parseTraceparent(traceparentForSubgraphs(INCOMING));
    expect(sent).toMatchObject({ traceId: TRACE, flags: '01' });
    expect(sent?.parentId).not.toBe('00f067aa0ba902b7');
  });

  it.each([
    ['absent', undefined],
    ['malformed', 'abc'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
  ])('starts a new valid trace when the header is %s', (_case, header) => {
    const sent = traceparentForSubgraphs(header);
    expect(sent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(parseTraceparent(sent)?.traceId).not.toBe(TRACE);
    // Nothing carried over. (Not "contains no part of the header": a random id holds "abc" about once in 90 runs.)
    expect(sent).not.toBe(header);
    expect(parseTraceparent(sent)?.parentId).not.toBe('00f067aa0ba902b7');
  });

  it('puts the caller, the request id and the trace context on every subgraph request', () => {
    const source = new SubgraphDataSource('residents', 'http://residents.invalid/graphql', 1000);
    const headers = new Headers();
    const context: GatewayContext = {
      requestId: 'req-1',
      callerToken: 'signed-caller',
      traceparent: traceparentForSubgraphs(INCOMING),
    };
    // Only what willSendRequest reads; the rest of Apollo's request context plays no part.
    source.willSendRequest({
      request: { http: { headers, url: 'http://residents.invalid/graphql', method: 'POST' } },
      context,
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    expect(headers.get(CALLER_HEADER)).toBe('signed-caller');
    expect(headers.get(REQUEST_ID_HEADER)).toBe('req-1');
    expect(headers.get('traceparent')).toBe(context.traceparent);
  });
});
