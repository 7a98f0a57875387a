import { describe, expect, it } from '@jest/globals';
import type { DomainError } from '@courtyard/kernel/domain';
import { numberingYear } from './intake.js';
import { timeZoneOf } from './properties.js';
import type { PropertyRecord } from './records.js';

const property: PropertyRecord = {
  _id: 'p1',
  version: 1,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  code: 'GARDEN-01',
  name: 'Garden Court',
  timeZone: 'Asia/Shanghai',
};

describe("a property's time zone at intake", () => {
  it('is the zone the projection holds', () => {
    expect(timeZoneOf(property, 'p1')).toBe('Asia/Shanghai');
  });

  it('is refused with a retryable CONFLICT while the property is not known here yet', () => {
    let refusal: DomainError | undefined;
    try {
      timeZoneOf(null, 'p-new');
    } catch (error) {
      refusal = error as DomainError;
    }
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPERTY_NOT_YET_KNOWN',
      details: { propertyId: 'p-new' },
    });
  });

  it("numbers a request in the property's year: New Year's Eve in UTC is already next year in Shanghai", () => {
    const at = new Date('2026-12-31T16:30:00Z');
    expect(numberingYear(at, 'Asia/Shanghai')).toBe(2027);
    expect(numberingYear(at, 'UTC')).toBe(2026);
  });
});
