import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { buildManifest, type BuildResult } from './build-manifest.js';

const schema = buildSchema(`
  type Query { request(id: ID!): Request }
  type Mutation { record(text: String!): Request! }
  type Request { id: ID! state: String! }
`);
const file = (name: string, text: string, dir = 'ops') => ({ file: `${dir}/${name}.graphql`, text });
const errorsOf = (result: BuildResult) => result.errors;
const manifestOf = (result: BuildResult) => {
  if (!('manifest' in result)) throw new Error(result.errors.join('\n'));
  return result.manifest;
};

describe('building the persisted-query manifest', () => {
  it('lists one entry per file, by name, with the sha256 of the printed body as id', () => {
    const manifest = manifestOf(
      buildManifest(
        [
          file('Record', 'mutation Record($t: String!) { record(text: $t) { id } }'),
          file('ReadRequest', 'query ReadRequest($id: ID!) { request(id: $id) { id state } }'),
        ],
        schema,
      ),
    );
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.version).toBe(1);
    expect(manifest.operations.map(({ name, type }) => [name, type])).toEqual([
      ['ReadRequest', 'query'],
      ['Record', 'mutation'],
    ]);
    const [read] = manifest.operations;
    expect(read!.body).toBe('query ReadRequest($id: ID!) {\n  request(id: $id) {\n    id\n    state\n  }\n}');
    // What an APQ client computes over the same text: the ids are interchangeable.
    expect(read!.id).toBe(createHash('sha256').update(read!.body).digest('hex'));
  });

  it('gives the same id whatever the layout and comments of the source', () => {
    const idOf = (text: string) =>
      manifestOf(buildManifest([file('ReadRequest', text)], schema)).operations[0]!.id;
    expect(idOf('query ReadRequest($id: ID!) { request(id: $id) { id } }')).toBe(
      idOf('# partner X\nquery   ReadRequest( $id : ID! )\n{\n request(id: $id) {\n\n id }\n}\n'),
    );
  });

  it('keeps fragments defined beside the operation', () => {
    const [operation] = manifestOf(
      buildManifest(
        [
          file(
            'ReadRequest',
            'query ReadRequest { request(id: "1") { ...F } } fragment F on Request { state }',
          ),
        ],
        schema,
      ),
    ).operations;
    expect(operation!.body).toContain('fragment F on Request');
  });

  it('reports every invalid file at once, naming the file', () => {
    const errors = errorsOf(
      buildManifest(
        [
          file('Unknown', 'query Unknown { request(id: "1") { colour } }'),
          file('Two', 'query Two { request(id: "1") { id } } query Three { request(id: "2") { id } }'),
          file('Anonymous', '{ request(id: "1") { id } }'),
          file('Misfiled', 'query Other { request(id: "1") { id } }'),
          file('Broken', 'query Broken { request(id: "1") { id }'),
          file('Types', 'query Types { request(id: "1") { id } } type Extra { a: Int }'),
        ],
        schema,
      ),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^ops\/Unknown\.graphql: invalid against the API schema: Cannot query field "colour"/,
      ),
      'ops/Two.graphql: holds 2 operations; keep exactly one per file',
      'ops/Anonymous.graphql: the operation has no name; partners and logs refer to it by name',
      'ops/Misfiled.graphql: operation Other must live in Other.graphql',
      expect.stringMatching(/^ops\/Broken\.graphql: Syntax Error/),
      expect.stringMatching(/^ops\/Types\.graphql: holds type-system definitions/),
      expect.stringMatching(/^ops\/Types\.graphql: invalid against the API schema/),
    ]);
  });

  it('refuses two files defining the same operation name', () => {
    const text = 'query ReadRequest { request(id: "1") { id } }';
    expect(
      errorsOf(buildManifest([file('ReadRequest', text, 'a'), file('ReadRequest', text, 'b')], schema)),
    ).toEqual(['operation ReadRequest is defined in more than one file']);
  });
});
