import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PersistedQueryManifest } from '../../gateway/src/persisted/manifest.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import {
  createUnitWithArea,
  draftFeeSchedule,
  generateBills,
  propertyFee,
  publishFeeSchedule,
  untilBillingKnows,
} from '../support/billing.js';
import { tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { createBuilding, createProperty } from '../support/residents.js';

const manifest = JSON.parse(
  readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
) as PersistedQueryManifest;
const idOf = (name: string) => manifest.operations.find((operation) => operation.name === name)!.id;

/** A partner's call: a listed operation by id, as the payment provider's client sends it. */
async function call<T>(documentId: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(process.env.GATEWAY_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

interface AccountView {
  unitAccount: {
    unitId: string;
    owed: { amount: number; currency: string };
    credit: { amount: number };
    openBills: Array<{ id: string; period: string; balance: { amount: number } }>;
  };
}

describe('the payment provider, through its persisted operations only', () => {
  let unitId: string;
  let token: string;
  beforeAll(async () => {
    const propertyId = (await createProperty()).id;
    unitId = await createUnitWithArea((await createBuilding(propertyId)).id, '2-0301', 100);
    await untilBillingKnows(propertyId, unitId);
    await publishFeeSchedule(propertyId, await draftFeeSchedule(propertyId, [propertyFee(300)]));
    await generateBills(propertyId, '2027-Q1');
    token = await tokenFor('PARTNER', { partnerId: 'payment-provider', sub: 'payment-provider-api' });
  });

  it('reads the open bills, posts a payment, and gets the first result back when it replays the post', async () => {
    const before = await call<AccountView>(idOf('PaymentProviderUnitAccount'), { unitId }, token);
    expect(before.body.errors).toBeUndefined();
    // 100.00 m² × ¥3.00 × 3 months
    expect(before.body.data?.unitAccount).toMatchObject({
      unitId,
      owed: { amount: 90_000, currency: 'CNY' },
      openBills: [{ period: '2027-Q1', balance: { amount: 90_000 } }],
    });
    const billId = before.body.data!.unitAccount.openBills[0]!.id;
    const input = {
      billId,
      amount: { amount: 90_000, currency: 'CNY' },
      idempotencyKey: `pp-${randomUUID()}`,
      method: 'ALIPAY',
    };
    const first = await call(idOf('PaymentProviderRecordPayment'), { input }, token);
    const replay = await call(idOf('PaymentProviderRecordPayment'), { input }, token);
    expect(first.body.errors).toBeUndefined();
    expect(replay.body).toEqual(first.body);
    const conflict = await call(
      idOf('PaymentProviderRecordPayment'),
      { input: { ...input, amount: { amount: 1, currency: 'CNY' } } },
      token,
    );
    expect(conflict.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });

    const after = await call<AccountView>(idOf('PaymentProviderUnitAccount'), { unitId }, token);
    expect(after.body.data?.unitAccount).toMatchObject({
      owed: { amount: 0 },
      credit: { amount: 0 },
      openBills: [],
    });

    // A chargeback: the provider reverses its own payment; a replayed reversal is the first result.
    const paymentId = (first.body.data as { recordPayment: { payment: { id: string } } }).recordPayment
      .payment.id;
    const reversal = { paymentId, reason: 'Chargeback', idempotencyKey: `pp-rev-${randomUUID()}` };
    const reversed = await call(idOf('PaymentProviderReversePayment'), { input: reversal }, token);
    const replayed = await call(idOf('PaymentProviderReversePayment'), { input: reversal }, token);
    expect(reversed.body.errors).toBeUndefined();
    expect(replayed.body).toEqual(reversed.body);
    const reopened = await call<AccountView>(idOf('PaymentProviderUnitAccount'), { unitId }, token);
    expect(reopened.body.data?.unitAccount).toMatchObject({
      owed: { amount: 90_000 },
      openBills: [{ id: billId, balance: { amount: 90_000 } }],
    });
  });

  it('reaches nothing else: another partner’s operation is not granted, free-form queries are refused', async () => {
    const other = await call(idOf('HotlineHelpRequest'), { id: 'x' }, token);
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OPERATION_NOT_GRANTED',
    });
    const freeForm = await fetch(process.env.GATEWAY_URL!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ bill(id: "x") { id } }` }),
    });
    expect(freeForm.status).toBe(400);
  });
});
