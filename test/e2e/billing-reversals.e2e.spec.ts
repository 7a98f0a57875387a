import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@courtyard/kernel';
import {
  createUnitWithArea,
  draftFeeSchedule,
  feeAdministrator,
  generateBills,
  propertyFee,
  publishFeeSchedule,
  recordPayment,
  reversePayment,
  unitAccount,
  untilBillingKnows,
} from '../support/billing.js';
import { EventTap } from '../support/events.js';
import { errorCodes, gql } from '../support/graphql.js';
import { createBuilding, createProperty } from '../support/residents.js';

const key = () => `key-${randomUUID()}`;
const Q1_TOTAL = 90_000; // 100.00 m² × ¥3.00 × 3 months

describe('billing through the gateway: reversals and refunds as their own entries', () => {
  let tap: EventTap;
  let propertyId: string;
  let unitId: string;
  const q1 = async () => {
    const account = await unitAccount(propertyId, unitId);
    return { balance: account.balance, bill: account.bills!.edges.map((edge) => edge.node)[0]! };
  };

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.billing);
    propertyId = (await createProperty()).id;
    unitId = await createUnitWithArea((await createBuilding(propertyId)).id, '3-0101', 100);
    await untilBillingKnows(propertyId, unitId);
    await publishFeeSchedule(propertyId, await draftFeeSchedule(propertyId, [propertyFee(300)]));
    await generateBills(propertyId, '2027-Q1');
  });
  afterAll(() => tap.stop());

  it('reverses a payment: the bill is open again, derived from its lines and allocations; a replay returns the first reversal', async () => {
    const { bill } = await q1();
    const payment = await recordPayment(propertyId, {
      billId: bill.id,
      amount: { amount: Q1_TOTAL, currency: 'CNY' },
      idempotencyKey: key(),
    });
    const paymentId = payment.data!.recordPayment.payment.id;
    expect((await q1()).bill.balance.amount).toBe(0);

    const input = { paymentId, reason: 'Chargeback by the bank', idempotencyKey: key() };
    const first = await reversePayment(propertyId, input);
    expect(first.errors).toBeUndefined();
    expect(first.data?.reversePayment.reversal).toMatchObject({
      amount: { amount: Q1_TOTAL },
      payment: { id: paymentId, reversal: { id: first.data?.reversePayment.reversal.id } },
    });
    const replay = await reversePayment(propertyId, input);
    expect(replay.data).toEqual(first.data);
    const again = await reversePayment(propertyId, { ...input, idempotencyKey: key() });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0]?.extensions?.reason).toBe('PAYMENT_ALREADY_REVERSED');

    const after = await q1();
    expect(after.bill).toMatchObject({
      total: { amount: Q1_TOTAL },
      paid: { amount: 0 },
      balance: { amount: Q1_TOTAL },
    });
    expect(after.bill.allocations).toEqual([
      { amount: { amount: Q1_TOTAL }, payment: { id: paymentId } },
      { amount: { amount: -Q1_TOTAL }, payment: { id: paymentId } },
    ]);
    expect(after.balance).toEqual({ owed: { amount: Q1_TOTAL }, credit: { amount: 0, formatted: '¥0.00' } });

    const reversalId = first.data!.reversePayment.reversal.id;
    const events = await tap.waitFor(
      (event) => event.type === 'payment.reversed.v1' && event.subject === reversalId,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({
      paymentId,
      unitId,
      amount: Q1_TOTAL,
      reason: 'Chargeback by the bank',
    });
  });

  it('refunds credit once per key, never more than the credit held', async () => {
    const over = await recordPayment(propertyId, {
      unitId,
      amount: { amount: Q1_TOTAL + 20_000, currency: 'CNY' },
      idempotencyKey: key(),
    });
    expect(over.errors).toBeUndefined();
    expect((await q1()).balance?.credit.amount).toBe(20_000);
    const token = await feeAdministrator(propertyId);
    const refund = (amount: number, idempotencyKey: string) =>
      gql<{ refundCredit: { refund: { id: string; amount: { amount: number } } } }>(
        `mutation ($input: RefundCreditInput!) { refundCredit(input: $input) { refund { id amount { amount } } } }`,
        {
          input: {
            unitId,
            amount: { amount, currency: 'CNY' },
            method: 'BANK_TRANSFER',
            reason: 'Overpaid',
            idempotencyKey,
          },
        },
        { token },
      );
    const tooMuch = await refund(20_001, key());
    expect(errorCodes(tooMuch)).toEqual(['CONFLICT']);
    expect(tooMuch.errors?.[0]?.extensions?.reason).toBe('REFUND_EXCEEDS_CREDIT');
    const refundKey = key();
    const first = await refund(15_000, refundKey);
    expect(first.errors).toBeUndefined();
    expect((await refund(15_000, refundKey)).data).toEqual(first.data);
    expect((await q1()).balance).toEqual({
      owed: { amount: -5_000 },
      credit: { amount: 5_000, formatted: '¥50.00' },
    });
    const [event] = await tap.waitFor(
      (e) => e.type === 'credit.refunded.v1' && e.subject === first.data?.refundCredit.refund.id,
    );
    expect(event?.data).toMatchObject({ unitId, amount: 15_000, method: 'BANK_TRANSFER' });
  });
});
