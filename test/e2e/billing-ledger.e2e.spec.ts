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
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createBuilding, createProperty } from '../support/residents.js';

const QUARTER = 90_000; // 100.00 m² × ¥3.00 × 3 months
const key = () => `key-${randomUUID()}`;

interface Ledger {
  fundLedger: {
    balanced: boolean;
    entries: Array<{
      source: string;
      fund: string;
      postings: Array<{ account: string; debit: { amount: number }; credit: { amount: number } }>;
    }>;
    balances: Array<{ account: string; balance: { amount: number } }>;
  };
}
interface Disclosure {
  id: string | null;
  quarter: string;
  companyIncome: Array<{ category: string; amount: { amount: number } }>;
  companyExpenditure: Array<{ category: string; amount: { amount: number } }>;
  commonFundIncome: { amount: number };
  commonFundExpenditure: Array<{ category: string; amount: { amount: number } }>;
  commonFundClosingBalance: { amount: number; formatted: string };
  publishedAt: string | null;
}
const DISCLOSURE = `id quarter publishedAt companyIncome { category amount { amount } }
  companyExpenditure { category amount { amount } } commonFundIncome { amount }
  commonFundExpenditure { category amount { amount } } commonFundClosingBalance { amount formatted }`;
const figure = (lines: Disclosure['companyIncome'], category: string) =>
  lines.find((line) => line.category === category)?.amount.amount;

describe('billing through the gateway: the common fund’s own double-entry ledger, the company’s, and the quarterly disclosure', () => {
  let tap: EventTap;
  let propertyId: string;
  let unitId: string;
  let token: string;
  const record = (input: Record<string, unknown>) =>
    gql<{ recordLedgerEntry: { entry: { id: string; fund: string } } }>(
      `mutation ($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { entry { id fund } } }`,
      { input: { propertyId, ...input } },
      { token },
    );
  const ledger = async (fund: string, from: string, to: string) =>
    (
      await gqlOk<Ledger>(
        `query ($p: ID!, $fund: Fund!, $from: LocalDate!, $to: LocalDate!) { fundLedger(propertyId: $p, fund: $fund, from: $from, to: $to) {
          balanced entries { source fund postings { account debit { amount } credit { amount } } } balances { account balance { amount } } } }`,
        { p: propertyId, fund, from, to },
        { token },
      )
    ).fundLedger;
  const balanceOf = (l: Ledger['fundLedger'], account: string) =>
    l.balances.find((b) => b.account === account)?.balance.amount ?? 0;

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.billing);
    propertyId = (await createProperty()).id;
    unitId = await createUnitWithArea((await createBuilding(propertyId)).id, '7-0101', 100);
    await untilBillingKnows(propertyId, unitId);
    token = await feeAdministrator(propertyId);
    await publishFeeSchedule(propertyId, await draftFeeSchedule(propertyId, [propertyFee(300)]));
    await generateBills(propertyId, '2027-Q1');
  });
  afterAll(() => tap.stop());

  it('records common-fund entries that balance, in the fund’s own accounts only', async () => {
    const income = await record({
      fund: 'COMMON_FUND',
      postedOn: '2026-08-15',
      description: 'Elevator advertising, Q3',
      postings: [
        { account: 'COMMON_FUND_BANK', debit: 120_000 },
        { account: 'COMMON_FUND_INCOME', credit: 120_000 },
      ],
    });
    expect(income.errors).toBeUndefined();
    expect(
      (
        await record({
          fund: 'COMMON_FUND',
          postedOn: '2026-09-10',
          description: 'Repainting the lobby',
          postings: [
            { account: 'MAINTENANCE', debit: 50_000 },
            { account: 'COMMON_FUND_BANK', credit: 50_000 },
          ],
        })
      ).errors,
    ).toBeUndefined();
    const unbalanced = await record({
      fund: 'COMMON_FUND',
      postedOn: '2026-09-10',
      description: 'Typo',
      postings: [
        { account: 'COMMON_FUND_BANK', debit: 100 },
        { account: 'COMMON_FUND_INCOME', credit: 99 },
      ],
    });
    expect(errorCodes(unbalanced)).toEqual(['BAD_USER_INPUT']);
    expect(unbalanced.errors?.[0]?.extensions?.reason).toBe('ENTRY_UNBALANCED');
    // The common fund's money is never the company's income.
    const mixed = await record({
      fund: 'COMMON_FUND',
      postedOn: '2026-09-10',
      description: 'Advertising as company income',
      postings: [
        { account: 'COMMON_FUND_BANK', debit: 100 },
        { account: 'OTHER_INCOME', credit: 100 },
      ],
    });
    expect(mixed.errors?.[0]?.extensions?.reason).toBe('ACCOUNT_NOT_IN_FUND');
    // A company cost in Q3: staff paid from the company's cash.
    expect(
      (
        await record({
          fund: 'COMPANY',
          postedOn: '2026-09-30',
          description: 'Salaries, September',
          postings: [
            { account: 'STAFF', debit: 300_000 },
            { account: 'CASH', credit: 300_000 },
          ],
        })
      ).errors,
    ).toBeUndefined();

    const fund = await ledger('COMMON_FUND', '2026-07-01', '2026-09-30');
    expect(fund.balanced).toBe(true);
    expect(fund.entries.map((e) => [e.fund, e.source])).toEqual([
      ['COMMON_FUND', 'RECORDED'],
      ['COMMON_FUND', 'RECORDED'],
    ]);
    expect(balanceOf(fund, 'COMMON_FUND_BANK')).toBe(70_000);
    expect(balanceOf(fund, 'STAFF')).toBe(0);
  });

  it('derives the company’s ledger from bills, payments and reversals: balanced, the receivable is what the unit owes', async () => {
    const paid = await recordPayment(propertyId, {
      unitId,
      amount: { amount: 50_000, currency: 'CNY' },
      idempotencyKey: key(),
    });
    const again = await recordPayment(propertyId, {
      unitId,
      amount: { amount: 10_000, currency: 'CNY' },
      idempotencyKey: key(),
    });
    const reversed = await reversePayment(propertyId, {
      paymentId: again.data!.recordPayment.payment.id,
      reason: 'Posted to the wrong unit',
      idempotencyKey: key(),
    });
    expect([paid.errors, reversed.errors]).toEqual([undefined, undefined]);
    const company = await ledger('COMPANY', '2026-01-01', '2027-12-31');
    expect(company.balanced).toBe(true);
    expect(company.entries.map((e) => e.source).sort()).toEqual([
      'BILL',
      'PAYMENT',
      'PAYMENT',
      'RECORDED',
      'REVERSAL',
    ]);
    expect(balanceOf(company, 'RECEIVABLE')).toBe(QUARTER - 50_000);
    expect((await unitAccount(propertyId, unitId)).balance?.owed.amount).toBe(QUARTER - 50_000);
    expect(balanceOf(company, 'CASH')).toBe(50_000 - 300_000);
    expect(balanceOf(company, 'PROPERTY_FEE_INCOME')).toBe(-QUARTER);
    expect(company.entries.some((e) => e.postings.some((p) => p.account.startsWith('COMMON_FUND')))).toBe(
      false,
    );
  });

  it('discloses a quarter to the residents once it has ended, as a query and as a published event', async () => {
    const preview = await gqlOk<{ quarterlyDisclosure: Disclosure }>(
      `query ($p: ID!) { quarterlyDisclosure(propertyId: $p, quarter: "2027-Q1") { ${DISCLOSURE} } }`,
      { p: propertyId },
      { token },
    );
    expect(figure(preview.quarterlyDisclosure.companyIncome, 'PROPERTY_FEE_INCOME')).toBe(QUARTER);
    expect(preview.quarterlyDisclosure).toMatchObject({ id: null, publishedAt: null });
    const notEnded = await gql(
      `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { disclosure { id } } }`,
      { input: { propertyId, quarter: '2027-Q1' } },
      { token },
    );
    expect(notEnded.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUARTER_NOT_ENDED' });

    const publish = () =>
      gql<{ publishDisclosure: { disclosure: Disclosure } }>(
        `mutation ($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { disclosure { ${DISCLOSURE} } } }`,
        { input: { propertyId, quarter: '2026-Q3' } },
        { token },
      );
    const published = await publish();
    expect(published.errors).toBeUndefined();
    const q3 = published.data!.publishDisclosure.disclosure;
    expect(q3).toMatchObject({
      quarter: '2026-Q3',
      commonFundIncome: { amount: 120_000 },
      commonFundClosingBalance: { amount: 70_000, formatted: '¥700.00' },
    });
    expect(figure(q3.commonFundExpenditure, 'MAINTENANCE')).toBe(50_000);
    expect(figure(q3.companyExpenditure, 'STAFF')).toBe(300_000);
    expect(q3.companyExpenditure.map((line) => line.category)).toEqual([
      'STAFF',
      'MAINTENANCE',
      'PUBLIC_CHARGES',
      'ADMINISTRATIVE',
      'INSURANCE',
      'OTHER_COSTS',
      'MANAGER_REMUNERATION',
      'TAXES',
      'RESERVE_MAINTENANCE_FUND',
    ]);
    expect((await publish()).errors?.[0]?.extensions?.reason).toBe('DISCLOSURE_ALREADY_PUBLISHED');

    const [event] = await tap.waitFor((e) => e.type === 'disclosure.published.v1' && e.subject === q3.id);
    expect(event?.data).toMatchObject({
      quarter: '2026-Q3',
      commonFundIncome: 120_000,
      commonFundClosingBalance: 70_000,
    });

    const resident = await tokenFor('RESIDENT', { residentId: randomUUID() });
    const read = await gqlOk<{ disclosures: Disclosure[] }>(
      `query ($p: ID!) { disclosures(propertyId: $p) { ${DISCLOSURE} } }`,
      { p: propertyId },
      { token: resident },
    );
    expect(read.disclosures).toEqual([q3]);
  });
});
