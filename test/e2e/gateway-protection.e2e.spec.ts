import { beforeAll, describe, expect, it } from '@jest/globals';
import { gql, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { createProperty } from '../support/residents.js';

const subgraphs = () => [process.env.TEST_SUBGRAPH_RESIDENTS!, process.env.TEST_SUBGRAPH_WORK_ORDERS!];
const subgraphOperations = async () =>
  (
    await Promise.all(subgraphs().map((url) => readCounter(url, 'courtyard_graphql_operation_seconds_count')))
  ).reduce((sum, count) => sum + count, 0);

/** Sends the operation and proves the gateway answered it alone: no subgraph saw a request. */
async function refusedAtGateway(query: string, variables: Record<string, unknown> = {}) {
  const before = await subgraphOperations();
  const result = await gql(query, variables);
  expect(result.data ?? null).toBeNull();
  expect(await subgraphOperations()).toBe(before);
  return result.errors?.[0]?.extensions ?? {};
}

const nest = (depth: number, leaf: string): string =>
  depth === 0 ? leaf : `unit { household { ${nest(depth - 1, leaf)} } }`;

describe('gateway protection: limits are enforced before any subgraph is called', () => {
  let propertyId: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
  });

  it('refuses a query deeper than the limit', async () => {
    const query = `query TooDeep($id: ID!) { household(id: $id) { ${nest(6, 'id')} } }`;
    expect(await refusedAtGateway(query, { id: propertyId })).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_DEEP',
    });
  });

  it('refuses a query whose pages multiply past the cost limit, and names its cost', async () => {
    const query = `query TooCostly($propertyId: ID!, $first: Int!) {
      units(propertyId: $propertyId, first: $first) { edges { node {
        household { members { resident { households { members { resident { name } } } } } }
      } } }
    }`;
    const refused = await refusedAtGateway(query, { propertyId, first: 100 });
    expect(refused).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_COSTLY',
      limit: 10_000,
    });
    expect(refused.cost).toBeGreaterThan(10_000);
    // The same shape with a small page is within the limit and is answered.
    const small = await gql<{ units: { edges: unknown[] } }>(query, { propertyId, first: 2 });
    expect(small.errors).toBeUndefined();
    expect(small.data?.units.edges).toEqual([]);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `p${i}: property(id: $id) { name }`).join(' ');
    expect(
      await refusedAtGateway(`query Aliased($id: ID!) { ${aliases} }`, { id: propertyId }),
    ).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'TOO_MANY_ALIASES',
    });
  });

  it('counts __typename aliases toward the alias limit', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(await refusedAtGateway(`query TypenameAliases { ${aliases} }`)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'TOO_MANY_ALIASES',
    });
  });

  it('refuses an oversized document by tokens, and an oversized body by bytes', async () => {
    const tokens = `{ ${'__typename '.repeat(6_000)}}`;
    expect(await refusedAtGateway(tokens)).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    const response = await fetch(process.env.GATEWAY_URL!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor('GENERAL_MANAGER')}`,
      },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(300_000) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('gateway protection: cross-site requests cannot run operations', () => {
  it('refuses a simple GET and a text/plain POST that a browser would send without a preflight', async () => {
    const token = await tokenFor('GENERAL_MANAGER');
    const get = await fetch(`${process.env.GATEWAY_URL}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const form = await fetch(process.env.GATEWAY_URL!, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(400);
  });

  it('answers a GET that carries the preflight header (safe for first-party tooling)', async () => {
    const get = await fetch(`${process.env.GATEWAY_URL}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: {
        authorization: `Bearer ${await tokenFor('GENERAL_MANAGER')}`,
        'apollo-require-preflight': 'true',
      },
    });
    const body = (await get.json()) as GraphQLResponse<{ __typename: string }>;
    expect(body.data).toEqual({ __typename: 'Query' });
  });
});
