import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { getNamedType, isLeafType, type GraphQLArgument } from 'graphql';
import type { RootField } from '../../authz/api-schema.js';
import { baseArguments, baseValue, type FuzzFixture } from './base-values.js';
import { badValueFor } from './bad-values.js';
import { positionsOf, type Position } from './positions.js';

/** One request the fuzz sends, what it is, and whether it must be refused. */
export interface FuzzCase {
  readonly family: string;
  readonly label: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
  /** True: the answer must carry errors and no data for the field (or no data at all). */
  readonly mustRefuse: boolean;
  /** The root field, when the case calls one (a refusal means it answered null). */
  readonly field?: string;
}

const JSON_TYPE: Record<string, string> = { 'content-type': 'application/json' };
const UUID = '0b9f1c5e-4c1d-4b6a-9e7f-2f1d3c4b5a69';

/** Puts `value` at `path` in the arguments, creating the objects and lists on the way. */
function withValueAt(
  args: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
  position: Position,
  fixture: FuzzFixture,
): Record<string, unknown> {
  const copy = structuredClone(args) as Record<string, unknown>;
  const [head, ...rest] = path as [string, ...(string | number)[]];
  if (rest.length === 0) {
    copy[head] = value;
    return copy;
  }
  if (copy[head] === undefined) {
    const arg = (position.root.field.args as readonly GraphQLArgument[]).find((a) => a.name === head)!;
    copy[head] = baseValue(arg.type, arg.name, fixture, position.root);
  }
  let node = copy[head] as Record<string | number, unknown>;
  rest.forEach((key, index) => {
    if (index === rest.length - 1) {
      node[key] = value;
      return;
    }
    const next = rest[index + 1];
    const child = node[key];
    if (child === null || typeof child !== 'object') node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy;
}

/** A JSON value as a GraphQL literal (objects with keys that are not names fail to parse: also a refusal). */
const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
};

const selectionOf = (root: RootField) => (isLeafType(getNamedType(root.field.type)) ? '' : ' { __typename }');

function operationFor(root: RootField, args: Record<string, unknown>, inline: boolean) {
  const keyword = root.operation === 'Query' ? 'query' : 'mutation';
  const defs = (root.field.args as readonly GraphQLArgument[]).filter((arg) => arg.name in args);
  if (inline) {
    const list = defs.map((arg) => `${arg.name}: ${literal(args[arg.name])}`).join(', ');
    return {
      query: `${keyword} Fuzz { ${root.field.name}${list ? `(${list})` : ''}${selectionOf(root)} }`,
      variables: {},
    };
  }
  const declarations = defs.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const list = defs.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    query:
      `${keyword} Fuzz${declarations ? `(${declarations})` : ''} ` +
      `{ ${root.field.name}${list ? `(${list})` : ''}${selectionOf(root)} }`,
    variables: args,
  };
}

/** A root field of the composed API called with one bad value at one place in its arguments. */
export function argumentCases(roots: readonly RootField[], fixture: FuzzFixture): fc.Arbitrary<FuzzCase> {
  const positions = roots.flatMap(positionsOf);
  return fc
    .record({ position: fc.constantFrom(...positions), inline: fc.noBias(fc.integer({ min: 0, max: 9 })) })
    .chain(({ position, inline }) =>
      badValueFor(position).map((bad) => ({ position, bad, inline: inline < 2 })),
    )
    .map(({ position, bad, inline }) => {
      const args = withValueAt(
        baseArguments(position.root, fixture),
        position.path,
        bad.value,
        position,
        fixture,
      );
      const operation = operationFor(position.root, args, inline);
      return {
        family: inline ? 'argument (inline literal)' : 'argument (variables)',
        label: `${position.root.key}(${position.path.join('.')}): ${bad.label}`,
        headers: JSON_TYPE,
        body: JSON.stringify(operation),
        mustRefuse: bad.typeInvalid || position.root.operation === 'Mutation',
        field: position.root.field.name,
      };
    });
}

const request = (
  family: string,
  label: string,
  body: string | Uint8Array,
  headers = JSON_TYPE,
  mustRefuse = true,
): FuzzCase => ({
  family,
  label,
  headers,
  body,
  mustRefuse,
});
const query = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query: text, ...extra });
const nestUnits = (depth: number): string =>
  depth === 0 ? 'id' : `unit { household { ${nestUnits(depth - 1)} } }`;

/** Whole-document and HTTP-level abuse: shapes, batching, JSON, content types, encodings, headers. */
export function documentCases(fixture: FuzzFixture): fc.Arbitrary<FuzzCase> {
  const valid = query('{ __typename }');
  return fc
    .oneof(
      fc
        .integer({ min: 21, max: 400 })
        .chain((n) =>
          fc.constantFrom(
            request(
              'aliases',
              `${n} __typename aliases`,
              query(`{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`),
            ),
            request(
              'aliases',
              `${n} aliases of properties`,
              query(
                `{ ${Array.from({ length: n }, (_, i) => `p${i}: properties(first: 1) { totalCount }`).join(' ')} }`,
              ),
            ),
          ),
        ),
      fc.integer({ min: 7, max: 60 }).map((depth) =>
        request(
          'deep nesting',
          `a selection ${depth * 2} levels deep`,
          query(`query ($id: ID!) { household(id: $id) { ${nestUnits(depth)} } }`, {
            variables: { id: UUID },
          }),
        ),
      ),
      fc.integer({ min: 200, max: 1_000 }).map((depth) =>
        request(
          'deep nesting',
          `a list variable nested ${depth} deep`,
          query('mutation ($input: RegisterStaffInput!) { registerStaff(input: $input) { __typename } }', {
            variables: {
              input: {
                name: 'Fuzz',
                propertyIds: JSON.parse(
                  `${'['.repeat(depth)}"${fixture.propertyId}"${']'.repeat(depth)}`,
                ) as unknown,
              },
            },
          }),
        ),
      ),
      fc
        .integer({ min: 6_001, max: 20_000 })
        .map((n) =>
          request(
            'field duplication',
            `__typename ${n} times (over the token limit)`,
            query(`{ ${'__typename '.repeat(n)}}`),
          ),
        ),
      fc
        .integer({ min: 2, max: 200 })
        .map((n) =>
          request(
            'field duplication',
            `properties selected ${n} times`,
            query(`{ ${'properties(first: 1) { totalCount } '.repeat(n)}}`),
            JSON_TYPE,
            false,
          ),
        ),
      fc
        .integer({ min: 2, max: 50 })
        .map((n) =>
          request('batched array', `a batch of ${n} operations`, `[${Array(n).fill(valid).join(',')}]`),
        ),
      fc
        .integer({ min: 1, max: valid.length - 1 })
        .map((cut) => request('malformed JSON', `a body cut after ${cut} bytes`, valid.slice(0, cut))),
      fc
        .string({ unit: 'binary', maxLength: 200 })
        .map((text) =>
          request('malformed JSON', `arbitrary text ${JSON.stringify(text.slice(0, 20))}`, text),
        ),
      fc.constantFrom(
        request('malformed JSON', 'a JSON number', '1'),
        request('malformed JSON', 'JSON null', 'null'),
        request('malformed JSON', 'a query that is a number', query('1').replace('"1"', '1')),
        request('malformed JSON', 'a query that is null', JSON.stringify({ query: null })),
        request('malformed JSON', 'a query that is an object', JSON.stringify({ query: { $gt: '' } })),
        request('malformed JSON', 'variables that are a string', query('{ __typename }', { variables: 'x' })),
        request('malformed JSON', 'variables that are a list', query('{ __typename }', { variables: [1] })),
        request(
          'malformed JSON',
          'an operationName that is a number',
          query('{ __typename }', { operationName: 1 }),
        ),
        request(
          'malformed JSON',
          'a duplicate key with a NUL',
          '{"query":"{ __typename }","query":"\\u0000"}',
        ),
        request(
          'malformed JSON',
          'a lone surrogate',
          '{"query":"{ __typename } #\\ud800"}',
          JSON_TYPE,
          false,
        ),
        request(
          'operation',
          'two operations and no operationName',
          query('query A { __typename } query B { __typename }'),
        ),
        request(
          'operation',
          'an unknown operationName',
          query('query A { __typename }', { operationName: 'Nope' }),
        ),
        request('operation', 'a subscription', query('subscription S { __typename }')),
        request('operation', 'an unknown field', query('{ nope }')),
        request(
          'operation',
          'an unknown argument',
          query(`{ properties(first: 1, evil: "x") { totalCount } }`),
        ),
        request('operation', 'an unknown directive', query('{ __typename @evil }')),
        request(
          'operation',
          'a directive argument of the wrong type',
          query('{ __typename @include(if: "yes") }'),
        ),
        request(
          'operation',
          'a fragment cycle',
          query('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
        ),
        request('operation', 'a NUL in the document', query('{ __typename \u0000 }')),
        request('operation', 'control characters in the document', query('{ \u0007__typename\u001b }')),
        request('operation', 'an empty document', query('')),
        request(
          'operation',
          'a document of 200 kB of comment',
          query(`# ${'z'.repeat(200_000)}\n{ __typename }`),
          JSON_TYPE,
          false,
        ),
        request('operation', 'a mutation with no fields', query('mutation { }')),
        request('operation', 'an undeclared variable', query('query { property(id: $id) { id } }')),
        request(
          'operation',
          'a variable of an unknown type',
          query('query ($id: Nope) { __typename }', { variables: { id: 1 } }),
        ),
      ),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=utf-16',
          'application/json; charset=iso-8859-1',
          'application/graphql',
          '',
        )
        .map((type) =>
          request(
            'content type',
            `content type ${JSON.stringify(type)}`,
            valid,
            type ? { 'content-type': type } : {},
          ),
        ),
      fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'x-unknown').chain((encoding) =>
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map((garbage) =>
          request(
            'content encoding',
            `${encoding} that does not decode`,
            encoding === 'gzip' ? gzipSync(valid).subarray(0, 10) : garbage,
            {
              ...JSON_TYPE,
              'content-encoding': encoding,
            },
          ),
        ),
      ),
      fc
        .constantFrom(
          ['garbage', 'Bearer not.a.jwt'],
          ['empty', 'Bearer '],
          [
            'alg none',
            `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"SYSTEM"}').toString('base64url')}.`,
          ],
          ['8 kB', `Bearer ${'a'.repeat(8_192)}`],
          ['basic', 'Basic dXNlcjpwYXNz'],
        )
        .map(([label, authorization]) =>
          request('token', `a token that is ${label}`, valid, {
            ...JSON_TYPE,
            authorization: authorization!,
            'x-fuzz-own-token': '1',
          }),
        ),
      fc
        .constantFrom('x'.repeat(8_192), 'a b "c"', '<script>', '../../etc/passwd', `${'r'.repeat(129)}`)
        .map((id) =>
          request(
            'request id',
            `a request id ${JSON.stringify(id.slice(0, 16))}… of ${id.length} characters`,
            valid,
            { ...JSON_TYPE, 'x-request-id': id },
            false,
          ),
        ),
    )
    .map((c) => ({ ...c, label: c.label.replace(/\s+/g, ' ') }));
}
