import { describe, expect, it } from '@jest/globals';
import { exampleEvent } from '../../../../test/support/handler-harness.js';
import { as, schedule } from './fixtures.js';
import { chargePaidService } from './service-charges.js';

const closed = (category: string) =>
  exampleEvent('workorder.closed.v1', { data: { paid: true, category } }).data;

describe('paid services from work orders', () => {
  it('charges a fixed published price, one charge per help request', () => {
    const data = closed('WATER_LEAK');
    const { record, events } = chargePaidService(data, schedule(), as());
    expect(record).toMatchObject({
      _id: data.helpRequestId,
      status: 'CHARGED',
      amount: 8000,
      itemCode: 'REPAIR_LEAK',
    });
    expect(events).toMatchObject([
      { type: 'service_charge.created.v1', data: { amount: 8000, feeScheduleId: 'fs1' } },
    ]);
  });

  it('puts a category without a published price, or one priced per hour, on the review list', () => {
    expect(chargePaidService(closed('LIFT_STUCK'), schedule(), as())).toMatchObject({
      record: { status: 'NEEDS_REVIEW', reviewReason: 'NO_PUBLISHED_PRICE', amount: null },
      events: [],
    });
    expect(chargePaidService(closed('WATER_LEAK'), null, as()).record).toMatchObject({
      reviewReason: 'NO_PUBLISHED_PRICE',
    });
    expect(chargePaidService(closed('ELECTRICAL'), schedule(), as()).record).toMatchObject({
      status: 'NEEDS_REVIEW',
      reviewReason: 'PRICED_PER_HOUR',
      itemCode: 'ELECTRICAL_HOURLY',
    });
  });
});
