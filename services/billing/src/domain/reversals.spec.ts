import { describe, expect, it } from '@jest/globals';
import { unitAccount } from './accounts.js';
import { as, unit } from './fixtures.js';
import { recordPaymentInput, refundCreditInput, reversePaymentInput } from './inputs.js';
import { recordPayment } from './payments.js';
import { refundCredit, refundReplayOf, reversalReplayOf, reversePayment } from './reversals.js';

const provider = { subject: 'pp', role: 'PARTNER' as const, propertyIds: [], partnerId: 'payment-provider' };
const paymentBy = (caller: Parameters<typeof as>[0]) =>
  recordPayment(
    recordPaymentInput.parse({
      unitId: 'u1',
      amount: { amount: 50_000, currency: 'CNY' },
      idempotencyKey: 'key-00000001',
      method: 'CASH',
    }),
    unit(),
    null,
    as(caller),
  ).record;
const reversal = reversePaymentInput.parse({
  paymentId: 'payment:office:key-00000001',
  reason: 'Chargeback by the bank',
  idempotencyKey: 'rev-00000001',
});

describe('reversals and refunds', () => {
  it('take a payment back as its own entry, once: the same key is the first result, another key a CONFLICT', () => {
    const payment = paymentBy({});
    const { record, events } = reversePayment(reversal, payment, as());
    expect(record).toMatchObject({ _id: `reversal:${payment._id}`, amount: 50_000, paymentId: payment._id });
    expect(events).toMatchObject([
      { type: 'payment.reversed.v1', data: { amount: 50_000, reason: reversal.reason } },
    ]);
    expect(reversalReplayOf(record, reversal)).toBe(record);
    expect(() => reversalReplayOf(record, { ...reversal, idempotencyKey: 'rev-00000002' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'PAYMENT_ALREADY_REVERSED' }) as unknown as Error,
    );
  });

  it('let the payment provider reverse only the payments it posted', () => {
    expect(() => reversePayment(reversal, paymentBy({}), as(provider))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as Error,
    );
    expect(reversePayment(reversal, paymentBy(provider), as(provider)).record.sender).toBe(
      'payment-provider',
    );
    expect(() => reversePayment(reversal, paymentBy({}), as({ propertyIds: ['p2'] }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
  });

  it('refund credit, never more than is held; the refund is a charge the credit settles', () => {
    const payment = paymentBy({});
    const current = unitAccount({ bills: [], payments: [payment], reversals: [], refunds: [] });
    expect(current.credit).toBe(50_000);
    const input = refundCreditInput.parse({
      unitId: 'u1',
      amount: { amount: 20_000, currency: 'CNY' },
      method: 'BANK_TRANSFER',
      reason: 'Moved out',
      idempotencyKey: 'refund-0000001',
    });
    const { record, events } = refundCredit(input, unit(), current, 0, as());
    expect(record._id).toBe('refund:u1:1');
    expect(events).toMatchObject([{ type: 'credit.refunded.v1', data: { amount: 20_000 } }]);
    const after = unitAccount({ bills: [], payments: [payment], reversals: [], refunds: [record] });
    expect(after).toMatchObject({ credit: 30_000, balance: -30_000 });
    expect(refundReplayOf(record, input)).toBe(record);
    expect(() => refundReplayOf(record, { ...input, amount: { amount: 1, currency: 'CNY' } })).toThrow(
      expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_REUSED' }) as unknown as Error,
    );
    expect(() =>
      refundCredit({ ...input, amount: { amount: 30_001, currency: 'CNY' } }, unit(), after, 1, as()),
    ).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'REFUND_EXCEEDS_CREDIT' }) as unknown as Error,
    );
  });
});
