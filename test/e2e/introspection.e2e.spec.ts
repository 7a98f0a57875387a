import { beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { gql, tokenFor } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { createProperty } from '../support/residents.js';

/** What GraphiQL, Apollo Sandbox and graphql-codegen send: graphql-js's query with their options. */
const STANDARD_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  inputValueDeprecation: true,
  schemaDescription: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  oneOf: true,
});

const subgraphOperations = async () =>
  (
    await Promise.all(
      [process.env.TEST_SUBGRAPH_RESIDENTS!, process.env.TEST_SUBGRAPH_WORK_ORDERS!].map((url) =>
        readCounter(url, 'courtyard_graphql_operation_seconds_count'),
      ),
    )
  ).reduce((sum, count) => sum + count, 0);

interface Introspection {
  __schema: { queryType: { name: string }; types: Array<{ name: string; description: string | null }> };
}

/** Nine pages of units with households and residents: within the cost limit on their own (9,372). */
const NEAR_THE_LIMIT = `units(propertyId: $propertyId, first: 3) { edges { node {
  household { members { resident { households { members { resident { name } } } } } }
} } }`;

describe('introspection through the gateway while it is enabled', () => {
  let propertyId: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
  });

  it('answers the standard introspection query from the gateway alone', async () => {
    const before = await subgraphOperations();
    const result = await gql<Introspection>(STANDARD_INTROSPECTION);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
    const unit = result.data?.__schema.types.find((type) => type.name === 'Unit');
    expect(unit).toBeDefined();
    // Clients see the API schema: no federation machinery.
    expect(result.data?.__schema.types.some((type) => type.name.startsWith('join__'))).toBe(false);
    expect(await subgraphOperations()).toBe(before);
  });

  it('lets a partner point tools at the endpoint: introspection passes the safelist, data does not', async () => {
    const token = await tokenFor('PARTNER', { partnerId: 'city-hotline', sub: 'hotline-dev' });
    const introspection = await gql<Introspection>(STANDARD_INTROSPECTION, {}, { token });
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
    // Introspection beside data is not introspection-only: the partner rule refuses it.
    const mixed = await gql(
      `query M($id: ID!) { __schema { queryType { name } } property(id: $id) { name } }`,
      {
        id: propertyId,
      },
      { token },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('makes a query that mixes introspection with data pay for both', async () => {
    const alone = await gql(`query Alone($propertyId: ID!) { ${NEAR_THE_LIMIT} }`, { propertyId });
    expect(alone.errors).toBeUndefined();
    const before = await subgraphOperations();
    const mixed = await gql(
      `query Mixed($propertyId: ID!) { __schema { types { name } } ${NEAR_THE_LIMIT} }`,
      {
        propertyId,
      },
    );
    expect(mixed.data ?? null).toBeNull();
    expect(mixed.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_COSTLY',
      cost: 10_372,
      limit: 10_000,
    });
    expect(await subgraphOperations()).toBe(before);
  });

  it('prices each introspection field, so aliases cannot multiply it for free', async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    expect((await gql(aliased(10))).errors).toBeUndefined();
    expect((await gql(aliased(11))).errors?.[0]?.extensions).toMatchObject({
      reason: 'QUERY_TOO_COSTLY',
      cost: 11_000,
    });
  });

  it('refuses introspection that nests type listings past two levels, and answers two', async () => {
    const twoLevels = await gql<{ __type: { fields: Array<{ type: { name: string | null } }> } }>(
      `{ __type(name: "Unit") { fields { type { name fields { name } } } } }`,
    );
    expect(twoLevels.errors).toBeUndefined();
    expect(twoLevels.data?.__type.fields.length).toBeGreaterThan(0);
    const threeLevels = await gql(`{ __schema { types { fields { type { fields { name } } } } } }`);
    expect(threeLevels.data ?? null).toBeNull();
    expect(threeLevels.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'INTROSPECTION_TOO_DEEP',
    });
    // Through a fragment too.
    const viaFragment = await gql(
      `query F { __type(name: "Unit") { ...Listing } } fragment Listing on __Type { fields { type { fields { type { fields { name } } } } } }`,
    );
    expect(viaFragment.errors?.[0]?.extensions?.reason).toBe('INTROSPECTION_TOO_DEEP');
  });
});
