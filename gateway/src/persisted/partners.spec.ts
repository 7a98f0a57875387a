import { describe, expect, it } from '@jest/globals';
import { gatewayEnv } from '../config.js';
import { loadManifest, indexManifest, operationId } from './manifest.js';
import { loadPartners, readPartners } from './partners.js';

const BODY = 'query A {\n  a\n}';
const manifest = indexManifest(
  {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: operationId(BODY), name: 'A', type: 'query', body: BODY }],
  },
  'test',
);

describe('partner grants', () => {
  it('reads partners with their operations and rate', () => {
    const partners = readPartners(
      { partners: { 'city-hotline': { name: 'Hotline', operations: ['A'], requestsPerMinute: 60 } } },
      manifest,
      'partners.json',
    );
    expect(partners.get('city-hotline')).toEqual({
      name: 'Hotline',
      operations: ['A'],
      requestsPerMinute: 60,
    });
  });

  it('refuses grants of operations the manifest does not list, naming them', () => {
    expect(() =>
      readPartners(
        { partners: { hotline: { name: 'H', operations: ['A', 'B'], requestsPerMinute: 1 } } },
        manifest,
        'partners.json',
      ),
    ).toThrow('partners.json grants operations the manifest does not list: hotline → B');
  });

  it('refuses malformed entries: bad ids, unknown keys, a zero rate', () => {
    for (const partners of [
      { 'City Hotline': { name: 'H', operations: [], requestsPerMinute: 1 } },
      { hotline: { name: 'H', operations: [], requestsPerMinute: 1, admin: true } },
      { hotline: { name: 'H', operations: [], requestsPerMinute: 0 } },
    ]) {
      expect(() => readPartners({ partners }, manifest, 'partners.json')).toThrow('partners.json is invalid');
    }
  });

  it('the checked-in manifest and partners agree (what the gateway loads at start-up)', () => {
    const config = gatewayEnv.parse({});
    const partners = loadPartners(config.PARTNERS_PATH, loadManifest(config.PERSISTED_QUERIES_PATH));
    expect(partners.get('city-hotline')?.operations).toEqual([
      'HotlineRecordHelpRequest',
      'HotlineHelpRequest',
    ]);
  });
});

describe('manifest integrity', () => {
  it('refuses an entry whose id is not the hash of its body, and duplicate names', () => {
    const entry = { id: operationId(BODY), name: 'A', type: 'query', body: BODY };
    const manifestWith = (operations: object[]) =>
      indexManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations }, 'm.json');
    expect(() => manifestWith([{ ...entry, body: 'query A {\n  b\n}' }])).toThrow(
      'm.json: id of A is not the sha256 of its body',
    );
    expect(() => manifestWith([entry, entry])).toThrow('m.json: operation A is listed twice');
  });
});
