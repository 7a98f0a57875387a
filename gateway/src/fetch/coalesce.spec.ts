import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse } from 'graphql';
import { CALLER_HEADER } from '@courtyard/kernel';
import { SubgraphDataSource, type GatewayContext } from '../data-source.js';
import { coalescingKey, InFlightFetches } from './coalesce.js';

/** A subgraph that holds every request until the test releases it, and counts what it got. */
let server: Server;
let url: string;
const received: Array<{ caller: string | undefined; body: string }> = [];
let held: Array<() => void> = [];
const releaseAll = () => {
  for (const release of held) release();
  held = [];
};
const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    const caller = request.headers[CALLER_HEADER] as string | undefined;
    received.push({ caller, body });
    held.push(() => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { board: { caller, n: received.length } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const source = () => new SubgraphDataSource('work-orders', url, 5000);
const QUERY = 'query Board__work_orders__0($p: ID!) { board(propertyId: $p) { caller n } }';
const MUTATION = 'mutation Take__work_orders__0($id: ID!) { take(id: $id) { caller n } }';
const fetchOf = (ds: SubgraphDataSource, callerToken: string, query = QUERY, variables = { p: 'p1' }) =>
  ds.process({
    kind: 'incoming operation',
    request: {
      query,
      variables,
      http: { url, method: 'POST', headers: new Headers() },
    },
    // The gateway's executor sends no document unless its planner is told to expose it.
    incomingRequestContext: {},
    context: { requestId: `r-${callerToken}`, callerToken, traceparent: '00-1-2-01' },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

/** Starts the fetches, waits until the subgraph holds `expected` requests, then lets them all answer. */
async function inFlightTogether<T>(fetches: Array<() => Promise<T>>, expected: number): Promise<T[]> {
  received.length = 0;
  const answers = Promise.all(fetches.map((start) => start()));
  const deadline = Date.now() + 5000;
  while (received.length < expected && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  // Give any fetch that would wrongly be sent a chance to arrive before the answers go out.
  await new Promise((r) => setTimeout(r, 50));
  releaseAll();
  return answers;
}

describe('coalescing identical in-flight subgraph fetches', () => {
  it('fetches an identical query of the same caller once while it is in flight, each request its own answer', async () => {
    const ds = source();
    const [a, b, c] = (
      await inFlightTogether(
        [1, 2, 3].map(() => () => fetchOf(ds, 'caller-A')),
        1,
      )
    ).map((answer) => answer.data);
    expect(received).toHaveLength(1);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    // Separate objects: the executor of one request may merge into its answer without touching another's.
    expect(a).not.toBe(b);
    expect(b).not.toBe(c);
    expect(a).not.toBe(c);
  });

  it('never lets two callers share an answer', async () => {
    const ds = source();
    const [a, b] = await inFlightTogether([() => fetchOf(ds, 'caller-A'), () => fetchOf(ds, 'caller-B')], 2);
    expect(received.map((r) => r.caller).sort()).toEqual(['caller-A', 'caller-B']);
    expect(a?.data).toMatchObject({ board: { caller: 'caller-A' } });
    expect(b?.data).toMatchObject({ board: { caller: 'caller-B' } });
  });

  it('never coalesces a mutation', async () => {
    const ds = source();
    await inFlightTogether(
      [1, 2].map(() => () => fetchOf(ds, 'caller-A', MUTATION, { p: 'x' })),
      2,
    );
    expect(received).toHaveLength(2);
  });

  it('sends different variables separately, and the next identical query anew once the first answered', async () => {
    const ds = source();
    await inFlightTogether(
      [() => fetchOf(ds, 'caller-A'), () => fetchOf(ds, 'caller-A', QUERY, { p: 'p2' })],
      2,
    );
    expect(received).toHaveLength(2);
    await inFlightTogether([() => fetchOf(ds, 'caller-A')], 1);
    expect(received).toHaveLength(1);
  });
});

describe('coalescing key and in-flight table', () => {
  const base = {
    url: 'http://s/graphql',
    callerToken: 't1',
    query: QUERY,
    document: parse(QUERY),
    operationName: undefined,
    variables: { p: 'p1' },
  };
  it('has no key without a caller or for anything but one query operation', () => {
    expect(coalescingKey(base)).toBeDefined();
    expect(coalescingKey({ ...base, callerToken: undefined })).toBeUndefined();
    expect(coalescingKey({ ...base, query: MUTATION, document: parse(MUTATION) })).toBeUndefined();
    // Without the document (the executor's default), the kind is read from the text.
    expect(coalescingKey({ ...base, document: undefined })).toBe(coalescingKey(base));
    expect(coalescingKey({ ...base, query: MUTATION, document: undefined })).toBeUndefined();
    expect(coalescingKey({ ...base, query: '{ not graphql', document: undefined })).toBeUndefined();
    const two = `${QUERY} ${MUTATION}`;
    expect(coalescingKey({ ...base, query: two, document: parse(two) })).toBeUndefined();
  });

  it('forgets a failed fetch: the next call fetches again', async () => {
    const table = new InFlightFetches<number>();
    await expect(
      table.run(
        'k',
        () => Promise.reject(new Error('down')),
        (n) => n,
      ),
    ).rejects.toThrow('down');
    expect(table.size).toBe(0);
    await expect(
      table.run(
        'k',
        () => Promise.resolve(2),
        (n) => n,
      ),
    ).resolves.toBe(2);
  });
});
