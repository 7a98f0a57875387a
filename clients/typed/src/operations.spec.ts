import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as operations from './operations.js';

const apiSchema = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));

describe('typed client operations', () => {
  const documents = Object.entries(operations) as Array<[string, DocumentNode]>;

  it('has operations to check', () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CreateProperty', 'CreateBuilding', 'CreateUnit', 'PropertyUnits']),
    );
  });

  it.each(documents)('%s validates against schema/api.graphql', (_name, document) => {
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
  });
});
