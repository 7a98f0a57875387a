import { describe, expect, it } from '@jest/globals';
import { createEvent, TOPICS } from '@courtyard/kernel';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { POISON_HEADER } from '../support/test-poison.js';
import { loadEventContract, summarise, type TopicMessage } from './event-contract.js';

const contract = loadEventContract(`${ROOT}schema/events`);
const building = createEvent('residents', {
  type: 'building.created.v1',
  subject: 'b1',
  propertyId: 'p1',
  time: new Date('2026-11-23T08:01:00Z'),
  data: {
    buildingId: 'b1',
    propertyId: 'p1',
    name: 'Building 1',
    floors: 18,
    createdAt: '2026-11-23T08:01:00.000Z',
  },
});

let offset = 0;
const message = (event: unknown, overrides: Partial<TopicMessage> = {}): TopicMessage => ({
  topic: TOPICS.residents,
  partition: 0,
  offset: String(offset++),
  key: 'b1',
  timestamp: 2000,
  value: Buffer.from(typeof event === 'string' ? event : JSON.stringify(event)),
  headers: {},
  ...overrides,
});

describe('event contract judge: what the end-of-suite contract test reports', () => {
  it('accepts an event that matches its schema, topic and key', () => {
    expect(contract.judge(message(building))).toEqual({ kind: 'valid', type: 'building.created.v1' });
  });

  it('lists every schema violation of an event, with the JSON pointer', () => {
    const verdict = contract.judge(
      message({ ...building, data: { ...building.data, floors: 0, colour: 'red' } }),
    );
    expect(verdict).toEqual({
      kind: 'invalid',
      type: 'building.created.v1',
      problems: ['/data/floors must be >= 1', '/data must NOT have unevaluated properties: colour'],
    });
  });

  it('rejects an event on another topic than its x-topic, or keyed by something else than its x-key', () => {
    expect(contract.judge(message(building, { topic: TOPICS.workOrders, key: 'p1' }))).toEqual({
      kind: 'invalid',
      type: 'building.created.v1',
      problems: [
        'published on workorders.events, its schema says residents.events',
        'key "p1" is not its subject "b1"',
      ],
    });
  });

  it('tells an event type without a schema apart from an invalid event', () => {
    expect(contract.judge(message({ ...building, type: 'building.renamed.v1' }))).toEqual({
      kind: 'unknown-type',
      type: 'building.renamed.v1',
    });
    expect(contract.judge(message('not json'))).toMatchObject({ kind: 'invalid', type: null });
  });

  it('skips only messages a test marked as poison, and says which types nothing produced', () => {
    const summary = summarise(
      [
        message('garbage', { headers: { [POISON_HEADER.name]: POISON_HEADER.value } }),
        message('garbage', { offset: '41', headers: { [POISON_HEADER.name]: 'other' } }),
        message(building),
        message({ ...building, type: 'building.renamed.v1' }, { offset: '42' }),
      ],
      contract,
    );
    expect(summary).toMatchObject({
      checked: 4,
      poison: 1,
      failures: [
        'residents.events[0]@41 (no type): not a CloudEvents 1.0 JSON message',
        'residents.events[0]@42 building.renamed.v1: no schema in schema/events/',
      ],
      seen: { 'building.created.v1': 1 },
    });
    expect(summary.neverSeen).toEqual(contract.types().filter((type) => type !== 'building.created.v1'));
  });

  it('validates events left by earlier runs but does not count them as produced by this one', () => {
    const earlier = { timestamp: 1000 };
    const summary = summarise(
      [message(building, earlier), message({ ...building, data: {} }, { ...earlier, offset: '43' })],
      contract,
      1500,
    );
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatch(/^residents\.events\[0\]@43 building\.created\.v1: \/data must have/);
    expect(summary.seen).toEqual({});
    expect(summary.neverSeen).toContain('building.created.v1');
  });
});
