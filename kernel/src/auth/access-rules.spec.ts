import { describe, expect, it } from '@jest/globals';
import { buildASTSchema, graphql, parse } from 'graphql';
import { refuseMalformedIds } from '../server/id-arguments.js';
import type { Caller } from '../domain/caller.js';
import {
  authorize,
  checkAccessRules,
  enforceAccessRules,
  enforceAccessRulesOn,
  type AccessRules,
} from './access-rules.js';
import type { RequestContext } from '../server/request-context.js';

const typeDefs = parse(`
  type Query { board(propertyId: ID!): Int  item(id: ID!): Int  estate: Estate }
  type Estate { id: ID!  flats: [Int!]! }
  type Mutation { record(input: RecordInput!): Int }
  input RecordInput { propertyId: ID! }
`);
const rules: AccessRules = {
  Query: {
    board: { allow: ['FRONT_DESK', 'QUALITY_INSPECTOR'], scope: 'propertyId' },
    item: { allow: ['FRONT_DESK', 'RESIDENT'] },
    estate: { allow: ['FRONT_DESK', 'RESIDENT'] },
  },
  Mutation: { record: { allow: ['FRONT_DESK', 'QUALITY_INSPECTOR'], scope: 'input.propertyId' } },
  Estate: { flats: { allow: ['FRONT_DESK'], scope: 'parent.id' } },
};
const caller = (role: Caller['role'], propertyIds: string[] = ['p1']): Caller => ({
  subject: `${role}-1`,
  role,
  propertyIds,
});

describe('access rules table', () => {
  it('refuses a role the rule does not name, with a stable reason', () => {
    expect(() => authorize(rules.Query.item!, 'Query', caller('TECHNICIAN'), { id: 'x' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }),
    );
  });

  it('checks the property named by the argument path against the caller’s scope', () => {
    expect(() =>
      authorize(rules.Mutation!.record!, 'Mutation', caller('FRONT_DESK'), { input: { propertyId: 'p2' } }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }));
    expect(() =>
      authorize(rules.Mutation!.record!, 'Mutation', caller('FRONT_DESK'), { input: { propertyId: 'p1' } }),
    ).not.toThrow();
    expect(() =>
      authorize(rules.Query.board!, 'Query', caller('FRONT_DESK', ['*']), { propertyId: 'p9' }),
    ).not.toThrow();
  });

  it('lets quality inspectors read every property but change none outside their scope', () => {
    const inspector = caller('QUALITY_INSPECTOR', []);
    expect(() => authorize(rules.Query.board!, 'Query', inspector, { propertyId: 'p9' })).not.toThrow();
    expect(() =>
      authorize(rules.Mutation!.record!, 'Mutation', inspector, { input: { propertyId: 'p9' } }),
    ).toThrow(expect.objectContaining({ reason: 'OUTSIDE_PROPERTY_SCOPE' }));
  });

  it('always admits the system role', () => {
    expect(() => authorize(rules.Query.item!, 'Query', caller('SYSTEM', []), {})).not.toThrow();
  });

  it('refuses a schema with a field that has no rule, and a rule for a field that does not exist', () => {
    expect(() => checkAccessRules(typeDefs, { Query: rules.Query })).toThrow(/no rule for Mutation.record/);
    expect(() =>
      checkAccessRules(typeDefs, { ...rules, Query: { ...rules.Query, gone: { allow: [] } } }),
    ).toThrow(/rule for unknown field Query.gone/);
  });

  it('gates a field of another type by the property of the object it belongs to', () => {
    const resolvers = enforceAccessRules(typeDefs, {}, rules) as unknown as {
      Estate: { flats: (parent: unknown, args: object, context: RequestContext, info: unknown) => unknown };
    };
    const context = (propertyIds: string[]) =>
      ({ caller: caller('FRONT_DESK', propertyIds) }) as RequestContext;
    const estate = { id: 'p1', flats: [101, 102] };
    expect(resolvers.Estate.flats(estate, {}, context(['p1']), { fieldName: 'flats' })).toEqual([101, 102]);
    expect(() => resolvers.Estate.flats(estate, {}, context(['p2']), { fieldName: 'flats' })).toThrow(
      expect.objectContaining({ reason: 'OUTSIDE_PROPERTY_SCOPE' }),
    );
  });

  it('refuses a rule for a field of another type that the schema does not have', () => {
    expect(() => checkAccessRules(typeDefs, { ...rules, Estate: { gardens: { allow: [] } } })).toThrow(
      /rule for unknown field Estate.gardens/,
    );
  });

  it('runs the rule before the resolver, which never sees a refused call', () => {
    const seen: string[] = [];
    const resolvers = enforceAccessRules(
      typeDefs,
      {
        Query: {
          item: (_: unknown, args: { id: string }, _context: RequestContext) => {
            seen.push(args.id);
            return 1;
          },
        },
      },
      rules,
    );
    const context = (role: Caller['role']) => ({ caller: caller(role) }) as RequestContext;
    expect(resolvers.Query.item(undefined, { id: 'a' }, context('RESIDENT'))).toBe(1);
    expect(() => resolvers.Query.item(undefined, { id: 'b' }, context('TECHNICIAN'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(seen).toEqual(['a']);
  });
});

describe('the gate on a built schema', () => {
  it('runs before the id check: a refused role learns FORBIDDEN, an allowed one INVALID_ID', async () => {
    const schema = enforceAccessRulesOn(refuseMalformedIds(buildASTSchema(typeDefs)), typeDefs, rules);
    const run = (role: Caller['role']) =>
      graphql({
        schema,
        source: '{ item(id: "../etc/passwd") }',
        rootValue: { item: () => 1 },
        contextValue: { caller: caller(role) },
      });
    expect((await run('TECHNICIAN')).errors?.[0]?.originalError).toMatchObject({
      reason: 'ROLE_NOT_ALLOWED',
    });
    expect((await run('FRONT_DESK')).errors?.[0]?.originalError).toMatchObject({ reason: 'INVALID_ID' });
  });
});
