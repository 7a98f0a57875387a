import { describe, expect, it } from '@jest/globals';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { isIntrospectionOnly } from './operation.js';
import { introspectionNestingRule } from './nesting-rule.js';

const schema = buildSchema('type Query { unit: Unit } type Unit { id: ID! number: String! }');
const reasons = (text: string) =>
  validate(schema, parse(text), [introspectionNestingRule(2)]).map((error) => error.extensions.reason);

describe('introspection-only operations', () => {
  it('recognises the standard query, __type and __typename, through fragments too', () => {
    expect(isIntrospectionOnly(parse(getIntrospectionQuery()))).toBe(true);
    expect(isIntrospectionOnly(parse('{ __type(name: "Unit") { name } __typename }'))).toBe(true);
    expect(
      isIntrospectionOnly(parse('query { ...Root } fragment Root on Query { __schema { types { name } } }')),
    ).toBe(true);
  });

  it('does not count an operation that reads data, or a mutation', () => {
    expect(isIntrospectionOnly(parse('{ __schema { types { name } } unit { id } }'))).toBe(false);
    expect(isIntrospectionOnly(parse('query { ...Root } fragment Root on Query { unit { id } }'))).toBe(
      false,
    );
    expect(isIntrospectionOnly(parse('mutation { __typename }'))).toBe(false);
  });

  it('picks the operation by name in a document of several', () => {
    const document = parse('query Schema { __schema { types { name } } } query Data { unit { id } }');
    expect(isIntrospectionOnly(document, 'Schema')).toBe(true);
    expect(isIntrospectionOnly(document, 'Data')).toBe(false);
    expect(isIntrospectionOnly(document)).toBe(false);
  });
});

describe('introspection nesting', () => {
  it('accepts the standard introspection query', () => {
    expect(reasons(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toEqual([]);
  });

  it('refuses listings nested past the limit, directly or through fragments', () => {
    expect(reasons('{ __schema { types { fields { type { fields { name } } } } } }')).toEqual([
      'INTROSPECTION_TOO_DEEP',
    ]);
    expect(
      reasons(
        '{ __type(name: "Unit") { ...L } } fragment L on __Type { fields { type { interfaces { fields { name } } } } }',
      ),
    ).toEqual(['INTROSPECTION_TOO_DEEP']);
  });

  it('leaves data fields of the same names alone', () => {
    const withFields = buildSchema(
      'type Query { fields: [F] } type F { fields: [F] types: [F] name: String }',
    );
    expect(
      validate(withFields, parse('{ fields { fields { types { name } } } }'), [introspectionNestingRule(1)]),
    ).toEqual([]);
  });
});
