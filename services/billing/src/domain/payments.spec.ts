import { describe, expect, it } from '@jest/globals';
import { as, unit } from './fixtures.js';
import { recordPaymentInput } from './inputs.js';
import { paymentIdOf, recordPayment, replayOf } from './payments.js';

const input = recordPaymentInput.parse({
  unitId: 'u1',
  amount: { amount: 50_000, currency: 'CNY' },
  idempotencyKey: 'office-000123',
  method: 'CASH',
});

describe('payments', () => {
  it('derive their id from the sender and the key: the payment provider’s keys and the office’s never meet', () => {
    expect(paymentIdOf(as().actor, 'k-00000001')).toBe('payment:office:k-00000001');
    expect(
      paymentIdOf(
        { subject: 'pp', role: 'PARTNER', propertyIds: [], partnerId: 'payment-provider' },
        'k-00000001',
      ),
    ).toBe('payment:payment-provider:k-00000001');
  });

  it('record a payment with its event; the same key again is the same payment, another amount a CONFLICT', () => {
    const { record, events } = recordPayment(input, unit(), null, as());
    expect(record).toMatchObject({
      _id: 'payment:office:office-000123',
      amount: 50_000,
      unitId: 'u1',
      billId: null,
    });
    expect(events).toMatchObject([
      { type: 'payment.received.v1', data: { amount: 50_000, currency: 'CNY', billId: null } },
    ]);
    expect(replayOf(record, input)).toBe(record);
    expect(() => replayOf(record, { ...input, amount: { amount: 50_001, currency: 'CNY' } })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' }) as unknown as Error,
    );
  });

  it('are recorded by a fee administrator of the unit’s property (or the payment provider), never a float', () => {
    expect(() => recordPayment(input, unit({ propertyId: 'p2' }), null, as())).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
    expect(
      recordPaymentInput.safeParse({ ...input, amount: { amount: 10.5, currency: 'CNY' } }).success,
    ).toBe(false);
    expect(recordPaymentInput.safeParse({ ...input, billId: 'b1' }).success).toBe(false);
  });
});
