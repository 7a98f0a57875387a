import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { responseCachePlugin, type CacheContext, type CachedData } from './plugin.js';
import { ResponseStore } from './store.js';

/** A one-schema server standing in for the gateway: each resolver notes the subgraph it "fetched" from. */
function serverWith(options: { serving?: () => boolean } = {}) {
  let board = 1;
  let fetches = 0;
  const store = new ResponseStore<CachedData>({ maxEntries: 10, maxBytes: 10_000, maxAgeMs: 60_000 });
  const server = new ApolloServer<CacheContext>({
    typeDefs: `type Query { board(p: ID!): Int! broken: Int } type Mutation { record: Int! }`,
    resolvers: {
      Query: {
        board: (_: unknown, __: unknown, context: CacheContext) => {
          context.subgraphsCalled?.add('work-orders');
          fetches += 1;
          return board;
        },
        broken: (_: unknown, __: unknown, context: CacheContext) => {
          context.subgraphsCalled?.add('work-orders');
          fetches += 1;
          throw new GraphQLError('down');
        },
      },
      Mutation: {
        record: (_: unknown, __: unknown, context: CacheContext) => {
          context.subgraphsCalled?.add('work-orders');
          return (board += 1);
        },
      },
    },
    plugins: [responseCachePlugin<CacheContext>({ store, serving: options.serving ?? (() => true) })],
  });
  const run = async (
    query: string,
    callerScope = 'desk-A',
    variables: Record<string, unknown> = { p: 'A' },
  ) => {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { callerScope, subgraphsCalled: new Set() } },
    );
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };
  return { server, run, fetches: () => fetches };
}
const BOARD = 'query Board($p: ID!) { board(p: $p) }';

describe('response cache plugin', () => {
  it('answers an identical read of the same caller from the cache, another caller or variables anew', async () => {
    const { server, run, fetches } = serverWith();
    await server.start();
    expect((await run(BOARD))?.data).toEqual({ board: 1 });
    expect((await run(BOARD))?.data).toEqual({ board: 1 });
    expect(fetches()).toBe(1);
    await run(BOARD, 'desk-B');
    await run(BOARD, 'desk-A', { p: 'B' });
    expect(fetches()).toBe(3);
    await server.stop();
  });

  it('ends the answers of the subgraphs a mutation touched before its answer goes out', async () => {
    const { server, run } = serverWith();
    await server.start();
    await run(BOARD);
    expect((await run('mutation { record }'))?.data).toEqual({ record: 2 });
    expect((await run(BOARD))?.data).toEqual({ board: 2 });
    await server.stop();
  });

  it('holds no answer with errors, and serves nothing while the events are not heard', async () => {
    const broken = serverWith();
    await broken.server.start();
    await broken.run('{ broken }');
    await broken.run('{ broken }');
    expect(broken.fetches()).toBe(2);
    await broken.server.stop();

    const deaf = serverWith({ serving: () => false });
    await deaf.server.start();
    await deaf.run(BOARD);
    await deaf.run(BOARD);
    expect(deaf.fetches()).toBe(2);
    await deaf.server.stop();
  });
});
