import { describe, expect, it } from '@jest/globals';
import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { loadApiSchema, rootFields } from './api-schema.js';
import { classify } from './matrix.js';
import { generateOperation } from './operation.js';

const schema = await loadApiSchema();
const scope = { propertyId: 'fixture-property', now: new Date('2026-03-01T08:00:00Z') };

describe('generated matrix operations', () => {
  // A cell whose operation GraphQL rejects would say nothing about access: catch it here, offline.
  it.each(rootFields(schema).map((root) => [root.key, root] as const))(
    '%s validates and its variables coerce',
    (_, root) => {
      const { query, variables } = generateOperation(root, scope);
      const document = parse(query);
      expect(validate(schema, document)).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      expect(
        getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors,
      ).toBeUndefined();
    },
  );

  it('points property ids at the fixture property and other ids at fresh ones', () => {
    const byKey = new Map(rootFields(schema).map((root) => [root.key, root]));
    const units = generateOperation(byKey.get('Query.units')!, scope).variables;
    const property = generateOperation(byKey.get('Query.property')!, scope).variables;
    const unit = generateOperation(byKey.get('Query.unit')!, scope).variables;
    expect(units).toEqual({ propertyId: 'fixture-property' });
    expect(property).toEqual({ id: 'fixture-property' });
    expect(unit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('classifying an answer', () => {
  const error = (code: string, extra: Record<string, unknown> = {}, message = 'x') => ({
    message,
    extensions: { code, ...extra },
  });

  it('counts refusals at the gate as DENY and domain errors as ALLOW', () => {
    expect(classify({ errors: [error('FORBIDDEN', { reason: 'ROLE_NOT_ALLOWED' })] }).verdict).toBe('DENY');
    expect(classify({ errors: [error('PERSISTED_QUERY_REQUIRED')] }).verdict).toBe('DENY');
    expect(classify({ errors: [error('NOT_FOUND', { reason: 'UNIT_NOT_FOUND' })] }).verdict).toBe('ALLOW');
    expect(classify({ data: { unit: null } })).toEqual({ verdict: 'ALLOW', detail: 'data' });
  });

  it('flags answers where GraphQL rejected the operation itself', () => {
    expect(classify({ errors: [error('GRAPHQL_VALIDATION_FAILED')] }).verdict).toBe('BROKEN');
    expect(
      classify({
        errors: [error('BAD_USER_INPUT', {}, 'Variable "$id" of required type "ID!" was not provided.')],
      }).verdict,
    ).toBe('BROKEN');
    expect(
      classify({ errors: [error('BAD_USER_INPUT', { reason: 'VALIDATION_FAILED' }, 'Invalid input')] })
        .verdict,
    ).toBe('ALLOW');
  });
});
