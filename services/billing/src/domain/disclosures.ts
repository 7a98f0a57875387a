import {
  DomainError,
  domainEvent,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { parseInput } from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS } from './access.js';
import { COMPANY_INCOME, COST_CATEGORIES, type LedgerEntryView } from './fund-ledger.js';
import { CURRENCY } from './money.js';
import { dayOf, periodOf } from './periods.js';
import type { DisclosureFigures, DisclosureRecord } from './records.js';

export const disclosureInput = z.object({
  propertyId: z.string().min(1),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be YYYY-Q1…Q4'),
});

/** Σ (debit − credit) of an account over the entries posted between from and to. */
const movement = (entries: readonly LedgerEntryView[], account: string, from: string, to: string) =>
  entries
    .filter((entry) => entry.postedOn >= from && entry.postedOn <= to)
    .flatMap((entry) => entry.postings)
    .filter((posting) => posting.account === account)
    .reduce((total, posting) => total + posting.debit - posting.credit, 0);

/**
 * A quarter's figures from the two ledgers (every entry up to the quarter's end): income is what
 * the income accounts were credited in the quarter (accrual: a bill counts in its period), costs
 * what each cost category was debited; the common fund's closing balance is its account (专户)
 * at the quarter's end. Every cost category is listed, zero or not, so quarters compare.
 */
export function discloseQuarter(
  input: unknown,
  company: readonly LedgerEntryView[],
  commonFund: readonly LedgerEntryView[],
): DisclosureFigures {
  const { propertyId, quarter } = parseInput(disclosureInput, input);
  const { start: from, end: to } = periodOf(quarter);
  const costs = (entries: readonly LedgerEntryView[]) =>
    COST_CATEGORIES.map((category) => ({ category, amount: movement(entries, category, from, to) }));
  return {
    propertyId,
    quarter,
    from,
    to,
    currency: company[0]?.currency ?? commonFund[0]?.currency ?? CURRENCY,
    companyIncome: COMPANY_INCOME.map((category) => ({
      category,
      amount: -movement(company, category, from, to),
    })),
    companyExpenditure: costs(company),
    commonFundIncome: -movement(commonFund, 'COMMON_FUND_INCOME', from, to),
    commonFundExpenditure: costs(commonFund),
    commonFundClosingBalance: movement(commonFund, 'COMMON_FUND_BANK', '0000-01-01', to),
  };
}

/**
 * Publishes a quarter's figures to the residents (the fee administrator), once the quarter has
 * ended; once per quarter (`_id` derived from property and quarter), never edited.
 */
export function publishDisclosure(
  figures: DisclosureFigures,
  context: CommandContext,
): Decision<DisclosureRecord> {
  requireStaffOf(context.actor, figures.propertyId, FEE_ADMINISTRATORS, 'publish disclosures');
  if (dayOf(context.now) <= figures.to) {
    throw new DomainError(
      'CONFLICT',
      'QUARTER_NOT_ENDED',
      `${figures.quarter} ends on ${figures.to}: disclose it after`,
      {
        quarter: figures.quarter,
      },
    );
  }
  const record: DisclosureRecord = {
    ...figures,
    _id: `disclosure:${figures.propertyId}:${figures.quarter}`,
    version: 1,
    createdAt: context.now,
    publishedBy: context.actor.subject,
  };
  const { propertyId, quarter, from, to, currency } = figures;
  return {
    record,
    events: [
      domainEvent(
        'disclosure.published.v1',
        { id: record._id, propertyId },
        {
          disclosureId: record._id,
          propertyId,
          quarter,
          from,
          to,
          currency,
          companyIncome: figures.companyIncome,
          companyExpenditure: figures.companyExpenditure,
          commonFundIncome: figures.commonFundIncome,
          commonFundExpenditure: figures.commonFundExpenditure,
          commonFundClosingBalance: figures.commonFundClosingBalance,
          publishedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
