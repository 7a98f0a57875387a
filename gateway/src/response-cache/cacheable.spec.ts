import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { cacheableOperation } from './cacheable.js';

const schema = buildSchema(`
  type SlaClock { kind: String! secondsUsed: Int! dueAt: String! }
  type HelpRequest { id: ID! overdue: Boolean! clocks: [SlaClock!]! }
  type Query { helpRequest(id: ID!): HelpRequest board: Int! }
  type Mutation { close(id: ID!): HelpRequest }
`);
const cacheable = (text: string, operationName?: string) =>
  cacheableOperation(schema, parse(text), operationName);

describe('which operations the response cache holds', () => {
  it('holds queries, flip-at-a-moment fields such as overdue included', () => {
    expect(cacheable('{ board }')).toBe(true);
    expect(cacheable('query Q($id: ID!) { helpRequest(id: $id) { id overdue clocks { dueAt } } }')).toBe(
      true,
    );
  });

  it('never holds a mutation, introspection or a field counted by the clock (through fragments too)', () => {
    expect(cacheable('mutation { close(id: "1") { id } }')).toBe(false);
    expect(cacheable('{ board __schema { queryType { name } } }')).toBe(false);
    expect(cacheable('{ board __type(name: "Query") { name } }')).toBe(false);
    expect(cacheable('{ helpRequest(id: "1") { clocks { secondsUsed } } }')).toBe(false);
    expect(
      cacheable(
        '{ helpRequest(id: "1") { ...F } } fragment F on HelpRequest { clocks { ... on SlaClock { secondsUsed } } }',
      ),
    ).toBe(false);
  });

  it('decides for the operation that runs when a document holds several', () => {
    const text = 'query Read { board } mutation Write { close(id: "1") { id } }';
    expect(cacheable(text, 'Read')).toBe(true);
    expect(cacheable(text, 'Write')).toBe(false);
    expect(cacheable(text)).toBe(false);
  });
});
