import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { loadApiSchema } from '../gateway/src/persisted/api-schema.js';
import { listSubgraphs, ROOT } from './lib/subgraphs.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const printed = (schema: Parameters<typeof lexicographicSortSchema>[0]) =>
  printSchema(lexicographicSortSchema(schema));

describe('schema/api.graphql', () => {
  it('is the schema the gateway serves, without federation machinery', async () => {
    const served = await loadApiSchema(read('schema/supergraph.graphql'));
    const file = read('schema/api.graphql');
    expect(printed(buildSchema(file))).toBe(printed(served));
    expect(file).not.toMatch(/join__|link__|@key|@shareable|@external|@requires|@provides/);
  });
});

describe('Relay page info in every subgraph', () => {
  it.each(listSubgraphs().map((subgraph) => [subgraph.name, subgraph.sdlPath]))(
    '%s declares the four PageInfo fields of the Relay specification',
    (_name, sdlPath) => {
      const pageInfo = parse(readFileSync(sdlPath, 'utf8')).definitions.find(
        (definition) =>
          definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'PageInfo',
      ) as ObjectTypeDefinitionNode | undefined;
      // Every subgraph pages its lists with the kernel's connections.
      expect(pageInfo?.fields?.map((field) => field.name.value).sort()).toEqual([
        'endCursor',
        'hasNextPage',
        'hasPreviousPage',
        'startCursor',
      ]);
    },
  );
});
