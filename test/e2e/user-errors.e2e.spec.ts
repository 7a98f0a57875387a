import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { tokenFor } from '../support/graphql.js';
import { MOVE_IN } from '../support/residents.js';

const post = async (body: unknown) => {
  const response = await fetch(process.env.GATEWAY_URL!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor('GENERAL_MANAGER')}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: response.headers.get('content-type')?.startsWith('application/json') ?? false,
    body: JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> },
  };
};
const codes = (body: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (body.errors ?? []).map((error) => error.extensions?.code);

const LIST = `query ($f: HelpRequestFilter) { helpRequests(filter: $f) { totalCount } }`;

describe('user errors are the user’s: BAD_USER_INPUT or a 400 with a code, never a server error', () => {
  it.each([
    ['a DateTime that is not one', { query: LIST, variables: { f: { createdAfter: 'yesterday' } } }],
    [
      'a LocalDate that does not exist',
      {
        query: MOVE_IN,
        variables: {
          input: {
            unitId: randomUUID(),
            residentId: randomUUID(),
            relation: 'OWNER',
            movedInOn: '2026-13-45',
          },
        },
      },
    ],
  ])('%s in the variables: BAD_USER_INPUT', async (_case, body) => {
    const answer = await post(body);
    expect({ json: answer.json, codes: codes(answer.body) }).toEqual({
      json: true,
      codes: ['BAD_USER_INPUT'],
    });
    expect(answer.status).toBeLessThan(500);
  });

  it.each([
    [
      'two operations and no operationName',
      { query: 'query A { __typename } query B { __typename }' },
      'BAD_REQUEST',
    ],
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'Nope' }, 'BAD_REQUEST'],
    ['a subscription', { query: 'subscription S { __typename }' }, 'BAD_REQUEST'],
  ])('%s: 400 with JSON and a code', async (_case, body, code) => {
    const answer = await post(body);
    expect({ status: answer.status, json: answer.json, codes: codes(answer.body) }).toEqual({
      status: 400,
      json: true,
      codes: [code],
    });
  });
});
