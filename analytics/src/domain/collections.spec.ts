import { describe, expect, it } from '@jest/globals';
import { createEvent } from '@courtyard/kernel';
import { apply, NO_KPIS } from './kpis.js';
import { isPaymentReceived } from './collections.js';

const payment = (data: Record<string, unknown>, at = '2026-11-23T04:00:00.000Z') =>
  createEvent('billing', { type: 'payment.received.v1', subject: 'pay-1', data, time: new Date(at) });

describe('collections (seam for billing’s payment.received.v1)', () => {
  it('adds payments and money per property, day and currency, in integer minor units', () => {
    const events = [
      payment({ propertyId: 'p1', amount: 12_050, currency: 'CNY' }),
      payment({ propertyId: 'p1', amount: 950, currency: 'CNY' }),
      payment({ propertyId: 'p1', amount: 100, currency: 'HKD' }),
    ];
    const state = events.reduce((kpis, event) => apply(kpis, event, 'Asia/Shanghai') ?? kpis, NO_KPIS);
    expect(state.byProperty.p1?.['2026-11-23']).toMatchObject({
      payments: 3,
      collected: { CNY: 13_000, HKD: 100 },
    });
  });

  it('moves nothing when the payment does not have the assumed shape', () => {
    for (const data of [
      { propertyId: 'p1', amount: 10.5, currency: 'CNY' },
      { propertyId: 'p1', amount: -100, currency: 'CNY' },
      { propertyId: 'p1', amount: '100', currency: 'CNY' },
      { propertyId: '', amount: 100, currency: 'CNY' },
      { propertyId: 'p1', amount: 100, currency: 'yuan' },
      { amount: 100, currency: 'CNY' },
    ]) {
      expect(isPaymentReceived(data)).toBe(false);
      expect(apply(NO_KPIS, payment(data), 'Asia/Shanghai')).toBeNull();
    }
  });
});
