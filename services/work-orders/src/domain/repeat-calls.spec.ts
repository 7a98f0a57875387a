import { describe, expect, it } from '@jest/globals';
import siftModule from 'sift';
import { received } from './fixtures.js';
import { openOriginalFilter } from './repeat-calls.js';
import type { Filter } from './visibility.js';

const matches = (filter: Filter, doc: object): boolean =>
  siftModule.default(filter as Record<string, unknown>)(doc);
const call = {
  propertyId: 'p1',
  requesterId: null,
  unitId: null,
  category: 'WATER_LEAK',
  contactPhone: '13812345678',
} as const;
const open = (extra: Record<string, unknown> = {}) => ({
  ...received({ requesterId: null, unitId: null }),
  repeatOfId: null,
  faultId: null,
  ...extra,
});

describe('repeat calls from callers without a resident record (issue 19)', () => {
  it('links the same phone and category while the first call is open, at the same property only', () => {
    const filter = openOriginalFilter(call);
    expect(matches(filter, open())).toBe(true);
    expect(matches(filter, open({ contact: { name: 'Li', phone: '+8613812345678' } }))).toBe(true);
    expect(matches(filter, open({ category: 'DRAINAGE' }))).toBe(false);
    expect(matches(filter, open({ propertyId: 'p2' }))).toBe(false);
    expect(matches(filter, open({ state: 'CLOSED' }))).toBe(false);
    expect(matches(filter, open({ repeatOfId: 'hr0' }))).toBe(false);
    expect(matches(filter, open({ faultId: 'fault-1' }))).toBe(false);
  });

  it('a caller with a resident record is matched by resident and unit, at the same property', () => {
    const filter = openOriginalFilter({ ...call, requesterId: 'r1', unitId: 'u1' });
    expect(
      matches(filter, open({ requesterId: 'r1', unitId: 'u1', contact: { name: 'x', phone: '1' } })),
    ).toBe(true);
    expect(matches(filter, open({ requesterId: 'r1', unitId: 'u1', propertyId: 'p2' }))).toBe(false);
    expect(matches(filter, open({ requesterId: 'r2', unitId: 'u1' }))).toBe(false);
  });
});
