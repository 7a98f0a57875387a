import { describe, expect, it } from '@jest/globals';
import { kpiFilter } from '../domain/kpi.js';
import { COUNTED_SCOPES, countedInIndex } from './kpi.reads.js';
import { SURVEYS_SCHEMAS } from './models.js';

const from = new Date('2026-11-01T00:00:00Z');
const to = new Date('2026-12-01T00:00:00Z');

/** The key lists of the surveys' `{ …scope, response.score, openedAt }` indexes, as declared. */
const countingIndexes = SURVEYS_SCHEMAS.Survey.indexes()
  .map(([keys]) => Object.keys(keys))
  .filter((keys) => keys.slice(-2).join(',') === 'response.score,openedAt')
  .map((keys) => keys.slice(0, -2));

describe('the figures counted in an index and the indexes that count them', () => {
  it('every counted scope has its index, with `measures` leading it, and every counting index is a counted scope', () => {
    const sorted = (lists: ReadonlyArray<readonly string[]>) => lists.map((keys) => keys.join(',')).sort();
    expect(sorted(countingIndexes)).toEqual(sorted(COUNTED_SCOPES));
    for (const keys of countingIndexes) expect(keys[0]).toBe('measures');
  });

  it("every figure's filter names the satisfaction surveys, so a needs survey is never counted", () => {
    expect(kpiFilter({ propertyId: 'p1', from, to })).toMatchObject({ measures: 'SATISFACTION' });
    expect(kpiFilter({ technicianId: 't1', from, to })).toMatchObject({ measures: 'SATISFACTION' });
  });

  it('the common scopes are counted in an index; a scope without its index is aggregated', () => {
    const counted = (scope: Parameters<typeof kpiFilter>[0]) => countedInIndex(kpiFilter(scope));
    expect(counted({ propertyId: 'p1', from, to })).toBe(true);
    expect(counted({ propertyId: 'p1', team: 'ENGINEERING', from, to })).toBe(true);
    expect(counted({ propertyId: 'p1', category: 'WATER_LEAK', from, to })).toBe(true);
    expect(counted({ propertyId: 'p1', technicianId: 't1', from, to })).toBe(true);
    expect(counted({ propertyId: 'p1', team: 'ENGINEERING', technicianId: 't1', from, to })).toBe(true);
    expect(counted({ technicianId: 't1', from, to })).toBe(true);
    expect(counted({ propertyId: 'p1', category: 'WATER_LEAK', technicianId: 't1', from, to })).toBe(false);
    // Without `measures` no index counts it (the filter of a figure always has it).
    expect(countedInIndex({ propertyId: 'p1', openedAt: { $gte: from, $lt: to } })).toBe(false);
  });
});
