import { describe, expect, it } from '@jest/globals';
import { buildSchema, graphql } from 'graphql';
import { refuseMalformedIds } from './id-arguments.js';

const schema = () =>
  refuseMalformedIds(
    buildSchema(`
      input AnswerInput { questionId: ID!, unitIds: [ID!] }
      input RecordInput { unitId: ID, answers: [AnswerInput!] }
      type Query { unit(id: ID!): String, units(ids: [ID!]!): String, plain(name: String): String }
      type Mutation { record(input: RecordInput!): String }
    `),
    {
      'AnswerInput.questionId': { pattern: /^[a-z][a-z0-9-]*$/, description: 'a slug' },
      'Query.unit(id:)': { pattern: /^[0-9a-f-]{36}$|^built in$/, description: 'an id or built in' },
    },
  );
const rootValue = {
  unit: () => 'found',
  units: () => 'found',
  plain: () => 'plain',
  record: () => 'recorded',
};
const run = (source: string, variableValues?: Record<string, unknown>) =>
  graphql({ schema: schema(), source, rootValue, ...(variableValues ? { variableValues } : {}) });
const UUID = '0b9f1c5e-4c1d-4b6a-9e7f-2f1d3c4b5a69';

describe('malformed ids are refused at the edge', () => {
  it('lets a UUID and a derived key through and leaves fields without ids alone', async () => {
    expect((await run(`{ unit(id: "${UUID}") plain(name: "../x") }`)).data).toEqual({
      unit: 'found',
      plain: 'plain',
    });
    expect((await run(`{ units(ids: ["bill:${UUID}:2027-Q1", "satisfaction-${UUID}"]) }`)).data).toEqual({
      units: 'found',
    });
  });

  it.each([
    ['a path', '../../../etc/passwd'],
    ['an operator object as text', '{"$gt":""}'],
    ['a NUL', `${UUID}\u0000`],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['a space', 'bill: 1'],
    ['201 characters', 'a'.repeat(201)],
    ['an empty string', ''],
  ])('%s: BAD_USER_INPUT / INVALID_ID, the value not echoed', async (_case, bad) => {
    const result = await run(`query ($id: ID!) { unit(id: $id) }`, { id: bad });
    expect(result.data).toEqual({ unit: null });
    const error = result.errors![0]!;
    expect(error.originalError).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect(error.message).toMatch(/^Invalid id: id must be an id/);
  });

  it('takes the format named for a coordinate instead of the UUID', async () => {
    expect((await run(`{ unit(id: "built in") }`)).data).toEqual({ unit: 'found' });
    const slug = await run(`mutation { record(input: { answers: [{ questionId: "Not A Slug" }] }) }`);
    expect(slug.errors![0]!.message).toBe('Invalid id: input.answers.0.questionId must be a slug');
  });

  it('checks ids inside lists and input objects, takes local formats, and reports at most ten', async () => {
    const result = await run(`mutation ($input: RecordInput!) { record(input: $input) }`, {
      input: {
        unitId: UUID,
        answers: [{ questionId: 'cleanliness', unitIds: Array.from({ length: 50 }, (_, i) => `u/${i}`) }],
      },
    });
    const details = (
      result.errors![0]!.originalError as unknown as { details: { fields: Array<{ path: string }> } }
    ).details;
    expect(details.fields).toHaveLength(10);
    expect(details.fields[0]!.path).toBe('input.answers.0.unitIds.0');
    const ok = await run(`mutation ($input: RecordInput!) { record(input: $input) }`, {
      input: { answers: [{ questionId: 'cleanliness', unitIds: [UUID] }] },
    });
    expect(ok).toEqual({ data: { record: 'recorded' } });
    const list = await run(`{ units(ids: ["${UUID}", "no pe"]) }`);
    expect(list.errors![0]!.message).toMatch(/^Invalid id: ids\.1 must be an id \(/);
  });
});
