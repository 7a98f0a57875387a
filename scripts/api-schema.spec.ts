import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { loadApiSchema } from '../gateway/src/persisted/api-schema.js';
import { ROOT } from './lib/subgraphs.js';

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
