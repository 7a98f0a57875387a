import { describe, expect, it } from '@jest/globals';
import { createFeeSchedule, publishFeeSchedule, scheduleInForce } from './fee-schedules.js';
import { as, schedule } from './fixtures.js';

const input = {
  propertyId: 'p1',
  effectiveFrom: '2027-01-01',
  billingCycle: 'QUARTERLY',
  items: [
    {
      code: 'PROPERTY_FEE',
      kind: 'PROPERTY_FEE',
      name: 'Fee',
      pricing: 'PER_SQUARE_METER_MONTH',
      price: 250,
    },
  ],
};

describe('fee schedules', () => {
  it('creates a numbered draft; only a fee administrator of the property may', () => {
    const { record, events } = createFeeSchedule(input, { number: 3 }, as());
    expect(record).toMatchObject({ number: 4, status: 'DRAFT', currency: 'CNY', publishedAt: null });
    expect(record.items[0]).toMatchObject({ unitType: null, priceSource: null, workOrderCategories: [] });
    expect(events).toEqual([]);
    expect(() => createFeeSchedule(input, null, as({ role: 'GENERAL_MANAGER' }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }) as unknown as Error,
    );
    expect(() => createFeeSchedule(input, null, as({ propertyIds: ['p2'] }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
  });

  it('refuses items priced the wrong way, a utility without its price source, a paid service without categories', () => {
    const bad = {
      ...input,
      items: [
        { code: 'A1', kind: 'PARKING', name: 'Parking', pricing: 'FIXED', price: 1 },
        { code: 'A2', kind: 'UTILITY', name: 'Water', pricing: 'PER_METERED_UNIT', price: 350 },
        { code: 'A3', kind: 'PAID_SERVICE', name: 'Repair', pricing: 'FIXED', price: 1.5 },
        { code: 'A3', kind: 'PAID_SERVICE', name: 'Repair', pricing: 'FIXED', price: 100 },
      ],
    };
    try {
      createFeeSchedule(bad, null, as());
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
      const fields = JSON.stringify((error as { details?: unknown }).details);
      for (const field of [
        'items.0.pricing',
        'items.1.priceSource',
        'items.2.price',
        'items.3.workOrderCategories',
      ]) {
        expect(fields).toContain(field);
      }
    }
    const twice = { ...input, items: [input.items[0], input.items[0]] };
    expect(() => createFeeSchedule(twice, null, as())).toThrow(
      expect.objectContaining({
        details: { fields: [expect.objectContaining({ path: 'items.1.code' })] },
      }) as unknown as Error,
    );
  });

  it('publishes a draft once, never with an effective date before today, and says so in an event', () => {
    const draft = schedule({ status: 'DRAFT', publishedAt: null, publishedBy: null });
    const { record, events } = publishFeeSchedule(draft, as());
    expect(record).toMatchObject({ status: 'PUBLISHED', publishedBy: 'fee-1' });
    expect(events).toMatchObject([
      {
        type: 'fee_schedule.published.v1',
        subject: 'fs1',
        data: { version: 1, effectiveFrom: '2027-01-01' },
      },
    ]);
    expect(() => publishFeeSchedule(record, as())).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'FEE_SCHEDULE_ALREADY_PUBLISHED',
      }) as unknown as Error,
    );
    expect(() => publishFeeSchedule({ ...draft, effectiveFrom: '2026-11-22' }, as())).toThrow(
      expect.objectContaining({ reason: 'EFFECTIVE_DATE_IN_THE_PAST' }) as unknown as Error,
    );
  });

  it('finds the published version in force on a day: the latest effective date on or before it', () => {
    const versions = [
      schedule({ _id: 'v1', number: 1, effectiveFrom: '2027-01-01' }),
      schedule({ _id: 'v2', number: 2, effectiveFrom: '2027-04-01' }),
      schedule({ _id: 'v3', number: 3, effectiveFrom: '2027-07-01', status: 'DRAFT' }),
      schedule({ _id: 'v4', number: 4, effectiveFrom: '2027-04-01' }),
    ];
    expect(scheduleInForce(versions, '2026-12-31')).toBeNull();
    expect(scheduleInForce(versions, '2027-03-31')?._id).toBe('v1');
    expect(scheduleInForce(versions, '2027-04-01')?._id).toBe('v4');
    expect(scheduleInForce(versions, '2027-08-01')?._id).toBe('v4');
  });
});
