import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { CostCache, variablesShape } from './cost-cache.js';

const operationOf = (text: string) =>
  parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
const PAGE = operationOf(
  'query Units($p: ID!, $n: Int!, $c: String, $full: Boolean!) { units(propertyId: $p, first: $n) { edges { node { id number @include(if: $full) } } } }',
);

describe('cost per document and variables shape', () => {
  it('leaves out ID and String variables, keeps page sizes and conditions', () => {
    const shape = (variables: Record<string, unknown>) => variablesShape(PAGE, variables);
    expect(shape({ p: 'a', n: 20, c: 'x', full: true })).toBe(shape({ p: 'b', n: 20, c: 'y', full: true }));
    expect(shape({ p: 'a', n: 20, full: true })).not.toBe(shape({ p: 'a', n: 21, full: true }));
    expect(shape({ p: 'a', n: 20, full: true })).not.toBe(shape({ p: 'a', n: 20, full: false }));
  });

  it('leaves out input objects and enums: intakes with different contents price once', () => {
    const intake = operationOf(
      'mutation Record($i: RecordHelpRequestInput!, $c: Channel) { recordHelpRequest(input: $i, channel: $c) { helpRequest { id } } }',
    );
    const shape = (variables: Record<string, unknown>) => variablesShape(intake, variables);
    expect(shape({ i: { description: 'a leak', contactPhone: '13700000001' }, c: 'PHONE' })).toBe(
      shape({ i: { description: 'no hot water', contactPhone: '13700000002' }, c: 'APP' }),
    );
    const cache = new CostCache(10);
    let priced = 0;
    for (let n = 0; n < 3; n += 1)
      cache.priced('h', intake, { i: { description: `call ${n}` } }, () => ((priced += 1), 4));
    expect(priced).toBe(1);
  });

  it('prices once per shape and again for a new page size', () => {
    const cache = new CostCache(10);
    let priced = 0;
    const price = (n: number) => () => ((priced += 1), n * 3);
    expect(cache.priced('h', PAGE, { p: 'a', n: 20, full: true }, price(20))).toBe(60);
    expect(cache.priced('h', PAGE, { p: 'b', n: 20, full: true }, price(20))).toBe(60);
    expect(priced).toBe(1);
    expect(cache.priced('h', PAGE, { p: 'a', n: 500, full: true }, price(500))).toBe(1500);
    expect(cache.priced('other-document', PAGE, { p: 'a', n: 20, full: true }, price(7))).toBe(21);
    expect(priced).toBe(3);
  });
});
