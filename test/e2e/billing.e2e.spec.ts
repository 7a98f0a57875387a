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
  unitAccount,
  untilBillingKnows,
  type BillView,
} from '../support/billing.js';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createBuilding, createProperty, moveIn, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';

const key = () => `key-${randomUUID()}`;
const Q1_TOTAL = 68468; // 89.50 m² × ¥2.55 × 3 months = ¥684.675 → ¥684.68, half-up on the line

describe('billing through the gateway: published fees, quarterly bills, idempotent payments, credit', () => {
  let tap: EventTap;
  let propertyId: string;
  let unitA: string;
  let unitB: string;
  const billOf = async (unitId: string, period: string): Promise<BillView> => {
    const { bills } = await unitAccount(propertyId, unitId);
    const bill = bills?.edges.map((edge) => edge.node).find((node) => node.period === period);
    if (!bill) throw new Error(`no ${period} bill for ${unitId}`);
    return bill;
  };

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.billing);
    propertyId = (await createProperty()).id;
    const buildingId = (await createBuilding(propertyId)).id;
    unitA = await createUnitWithArea(buildingId, '1-1201', 89.5);
    unitB = await createUnitWithArea(buildingId, '1-1202', 89.5);
    await untilBillingKnows(propertyId, unitA);
    await untilBillingKnows(propertyId, unitB);
  });
  afterAll(() => tap.stop());

  it('refuses to charge a fee that is not published, then bills the quarter from the area and the published fee, once', async () => {
    const draft = await draftFeeSchedule(propertyId, [propertyFee(255)]);
    const refused = await generateBills(propertyId, '2027-Q1');
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.extensions?.reason).toBe('FEE_SCHEDULE_NOT_PUBLISHED');
    expect((await unitAccount(propertyId, unitA)).bills?.totalCount).toBe(0);

    // Only the fee administrator changes fee schedules.
    const byManager = await gql(
      `mutation ($input: PublishFeeScheduleInput!) { publishFeeSchedule(input: $input) { feeSchedule { id } } }`,
      { input: { id: draft } },
      { token: await tokenFor('GENERAL_MANAGER', { properties: [propertyId] }) },
    );
    expect(errorCodes(byManager)).toEqual(['FORBIDDEN']);
    await publishFeeSchedule(propertyId, draft);

    const first = await generateBills(propertyId, '2027-Q1');
    expect(first.data?.generateBills).toEqual({ period: '2027-Q1', issued: 2, alreadyIssued: 0 });
    const again = await generateBills(propertyId, '2027-Q1');
    expect(again.data?.generateBills).toEqual({ period: '2027-Q1', issued: 0, alreadyIssued: 2 });

    const bill = await billOf(unitA, '2027-Q1');
    expect(bill).toMatchObject({
      total: { amount: Q1_TOTAL, currency: 'CNY', formatted: '¥684.68' },
      paid: { amount: 0 },
      balance: { amount: Q1_TOTAL },
      lines: [
        {
          kind: 'CHARGE',
          code: 'PROPERTY_FEE_RESIDENTIAL',
          description: 'Property service fee: 89.50 m² × ¥2.55 × 3 months',
          amount: { amount: Q1_TOTAL },
        },
      ],
    });
    const issued = await tap.waitFor((event) => event.type === 'bill.issued.v1' && event.subject === bill.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]?.data).toMatchObject({
      unitId: unitA,
      period: '2027-Q1',
      total: Q1_TOTAL,
      currency: 'CNY',
    });

    // Residents can read the published schedule.
    const resident = await tokenFor('RESIDENT', { residentId: 'anyone' });
    const published = await gqlOk<{
      feeScheduleInForce: { id: string; items: Array<{ price: { formatted: string } }> };
    }>(
      `query ($p: ID!) { feeScheduleInForce(propertyId: $p, on: "2027-02-01") { id items { price { formatted } } } }`,
      { p: propertyId },
      { token: resident },
    );
    expect(published.feeScheduleInForce).toEqual({ id: draft, items: [{ price: { formatted: '¥2.55' } }] });
  });

  it('records a payment made twice with one key once, returns the same result, and refuses another amount under it', async () => {
    const bill = await billOf(unitA, '2027-Q1');
    const idempotencyKey = key();
    const pay = (amount: number) =>
      recordPayment(propertyId, { billId: bill.id, amount: { amount, currency: 'CNY' }, idempotencyKey });
    const first = await pay(30_000);
    const second = await pay(30_000);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const conflict = await pay(30_001);
    expect(errorCodes(conflict)).toEqual(['CONFLICT']);
    expect(conflict.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');

    const paid = await billOf(unitA, '2027-Q1');
    expect(paid).toMatchObject({ paid: { amount: 30_000 }, balance: { amount: Q1_TOTAL - 30_000 } });
    expect(paid.allocations).toEqual([
      { amount: { amount: 30_000 }, payment: { id: first.data?.recordPayment.payment.id } },
    ]);
    const received = await tap.waitFor(
      (event) =>
        event.type === 'payment.received.v1' && event.subject === first.data?.recordPayment.payment.id,
    );
    expect(received[0]?.data).toMatchObject({
      amount: 30_000,
      currency: 'CNY',
      billId: bill.id,
      unitId: unitA,
    });
  });

  it('clears the bill when the rest is paid after a partial payment', async () => {
    const bill = await billOf(unitA, '2027-Q1');
    expect(bill.balance.amount).toBe(Q1_TOTAL - 30_000);
    const rest = await recordPayment(propertyId, {
      billId: bill.id,
      amount: { amount: bill.balance.amount, currency: 'CNY' },
      idempotencyKey: key(),
    });
    expect(rest.errors).toBeUndefined();
    expect(await billOf(unitA, '2027-Q1')).toMatchObject({
      paid: { amount: Q1_TOTAL },
      balance: { amount: 0, formatted: '¥0.00' },
    });
    expect((await unitAccount(propertyId, unitA)).balance).toEqual({
      owed: { amount: 0 },
      credit: { amount: 0, formatted: '¥0.00' },
    });
  });

  it('turns an overpayment into credit that the next bill absorbs', async () => {
    const q1 = await billOf(unitB, '2027-Q1');
    const over = await recordPayment(propertyId, {
      unitId: unitB,
      amount: { amount: Q1_TOTAL + 10_000, currency: 'CNY' },
      idempotencyKey: key(),
      method: 'BANK_TRANSFER',
    });
    expect(over.errors).toBeUndefined();
    expect(await billOf(unitB, '2027-Q1')).toMatchObject({ id: q1.id, balance: { amount: 0 } });
    expect((await unitAccount(propertyId, unitB)).balance).toEqual({
      owed: { amount: -10_000 },
      credit: { amount: 10_000, formatted: '¥100.00' },
    });

    expect((await generateBills(propertyId, '2027-Q2')).data?.generateBills).toEqual({
      period: '2027-Q2',
      issued: 2,
      alreadyIssued: 0,
    });
    const q2 = await billOf(unitB, '2027-Q2');
    expect(q2).toMatchObject({
      total: { amount: Q1_TOTAL },
      paid: { amount: 10_000 },
      balance: { amount: Q1_TOTAL - 10_000 },
      allocations: [{ amount: { amount: 10_000 }, payment: { id: over.data?.recordPayment.payment.id } }],
    });
    expect((await unitAccount(propertyId, unitB)).balance?.credit.amount).toBe(0);
  });

  it('shows a resident their own household’s bills and no one else’s (NOT_FOUND, as for a missing bill)', async () => {
    const mine = await registerResident(propertyId, 'Wang Fang', '13900001111');
    const theirs = await registerResident(propertyId, 'Zhao Lei', '13900002222');
    await moveIn(unitA, mine.id);
    await moveIn(unitB, theirs.id);
    const token = await tokenFor('RESIDENT', { residentId: mine.id, sub: mine.id });
    const own = await eventually(async () => {
      const data = await gqlOk<{
        resident: { bills: { totalCount: number; edges: Array<{ node: { id: string } }> } | null };
      }>(
        `query ($id: ID!) { resident(id: $id) { bills { totalCount edges { node { id } } } } }`,
        { id: mine.id },
        { token },
      );
      return data.resident.bills && data.resident.bills.totalCount === 2 ? data.resident.bills : undefined;
    });
    const ownBill = await billOf(unitA, '2027-Q1');
    expect(own.edges.map((edge) => edge.node.id)).toContain(ownBill.id);

    const readOwn = await gqlOk<{ bill: { id: string; balance: { amount: number } } }>(
      `query ($id: ID!) { bill(id: $id) { id balance { amount } } }`,
      { id: ownBill.id },
      { token },
    );
    expect(readOwn.bill).toEqual({ id: ownBill.id, balance: { amount: 0 } });

    const otherBill = await billOf(unitB, '2027-Q1');
    const other = await gql(
      `query ($id: ID!) { bill(id: $id) { id total { amount } } }`,
      { id: otherBill.id },
      { token },
    );
    const missing = await gql(
      `query ($id: ID!) { bill(id: $id) { id } }`,
      { id: `bill:${unitB}:2031-Q1` },
      { token },
    );
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(other.errors?.[0]?.extensions?.reason).toBe(missing.errors?.[0]?.extensions?.reason);
    expect(other.data?.bill ?? null).toBeNull();

    // The other unit's balance is not theirs to read either.
    const balance = await gqlOk<{ household: unknown }>(
      `query ($id: ID!) { resident(id: $id) { households { unit { id balance { owed { amount } } } } } }`,
      { id: mine.id },
      { token },
    );
    expect(JSON.stringify(balance)).not.toContain(unitB);
  });

  it('settles a corrected area with an adjustment line; the issued line stays, the refund pays the next bill', async () => {
    const q1 = await billOf(unitA, '2027-Q1');
    const adjusted = await gqlOk<{
      adjustBill: {
        bill: { lines: Array<{ kind: string; description: string; amount: { amount: number } }> };
      };
    }>(
      `mutation ($input: AdjustBillInput!) { adjustBill(input: $input) { bill { lines { kind description amount { amount } } } } }`,
      {
        input: {
          billId: q1.id,
          amount: { amount: -1000, currency: 'CNY' },
          reason: 'Area corrected to 89.00 m²',
        },
      },
      { token: await feeAdministrator(propertyId) },
    );
    expect(adjusted.adjustBill.bill.lines).toEqual([
      { kind: 'CHARGE', description: q1.lines[0]!.description, amount: { amount: Q1_TOTAL } },
      { kind: 'ADJUSTMENT', description: 'Area corrected to 89.00 m²', amount: { amount: -1000 } },
    ]);
    expect(await billOf(unitA, '2027-Q1')).toMatchObject({
      total: { amount: Q1_TOTAL - 1000 },
      balance: { amount: 0 },
    });
    expect(await billOf(unitA, '2027-Q2')).toMatchObject({
      paid: { amount: 1000 },
      balance: { amount: Q1_TOTAL - 1000 },
    });
    const [event] = await tap.waitFor((e) => e.type === 'bill.adjusted.v1' && e.subject === q1.id);
    expect(event?.data).toMatchObject({
      total: Q1_TOTAL - 1000,
      line: { code: 'ADJUSTMENT', amount: -1000 },
    });
  });
});
