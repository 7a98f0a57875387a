import { parseInput, WITHOUT_OUTBOX } from '@courtyard/kernel';
import { discloseQuarter, disclosureInput } from '../domain/disclosures.js';
import { periodOf } from '../domain/periods.js';
import {
  balances,
  byPostingDay,
  isBalanced,
  serviceChargeEntry,
  unitLedgerEntries,
  type Fund,
  type LedgerEntryView,
} from '../domain/fund-ledger.js';
import { recordedEntry } from '../domain/ledger-entries.js';
import type {
  DisclosureFigures,
  DisclosureRecord,
  LedgerEntryRecord,
  ServiceChargeRecord,
} from '../domain/records.js';
import type { BillingReads } from './billing.reads.js';
import type { BillingModels } from './models.js';

/** A fund's ledger between two days: its entries, and each account's balance as of the last day. */
export interface FundLedgerView {
  readonly propertyId: string;
  readonly fund: Fund;
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly entries: readonly LedgerEntryView[];
  readonly balances: ReadonlyMap<string, number>;
  readonly balanced: boolean;
}

/**
 * The two ledgers of a property (the field gate has checked the caller acts for it). The
 * company's is derived from the property's accounts and charges plus its recorded costs; the
 * common fund's is its recorded entries alone.
 */
export class LedgerReads {
  constructor(
    private readonly models: BillingModels,
    private readonly reads: BillingReads,
  ) {}

  async entries(propertyId: string, fund: Fund, to: string): Promise<LedgerEntryView[]> {
    const recorded = (
      await this.models.LedgerEntry.find({ propertyId, fund, postedOn: { $lte: to } }, WITHOUT_OUTBOX).lean<
        LedgerEntryRecord[]
      >()
    ).map(recordedEntry);
    if (fund === 'COMMON_FUND') return recorded.sort(byPostingDay);
    const [accounts, charges] = await Promise.all([
      this.reads.entriesOfProperty(propertyId),
      this.models.ServiceCharge.find({ propertyId, status: 'CHARGED' }, WITHOUT_OUTBOX).lean<
        ServiceChargeRecord[]
      >(),
    ]);
    return [
      ...[...accounts.values()].flatMap(unitLedgerEntries),
      ...charges.map(serviceChargeEntry).filter((entry): entry is LedgerEntryView => entry !== null),
      ...recorded,
    ]
      .filter((entry) => entry.postedOn <= to)
      .sort(byPostingDay);
  }

  /** A quarter's figures, computed now (a preview for staff; what publishing records). */
  async quarter(input: { propertyId: string; quarter: string }): Promise<DisclosureFigures> {
    const { end } = periodOf(parseInput(disclosureInput, input).quarter);
    const [company, commonFund] = await Promise.all([
      this.entries(input.propertyId, 'COMPANY', end),
      this.entries(input.propertyId, 'COMMON_FUND', end),
    ]);
    return discloseQuarter(input, company, commonFund);
  }

  /** Published disclosures of a property, newest first: public to its residents. */
  disclosures(propertyId: string): Promise<DisclosureRecord[]> {
    return this.models.Disclosure.find({ propertyId }, WITHOUT_OUTBOX)
      .sort({ quarter: -1 })
      .lean<DisclosureRecord[]>()
      .exec();
  }

  async fundLedger(propertyId: string, fund: Fund, from: string, to: string): Promise<FundLedgerView> {
    const upTo = await this.entries(propertyId, fund, to);
    const totals = balances(upTo);
    return {
      propertyId,
      fund,
      from,
      to,
      currency: upTo[0]?.currency ?? 'CNY',
      entries: upTo.filter((entry) => entry.postedOn >= from),
      balances: totals,
      balanced: upTo.every(isBalanced) && [...totals.values()].reduce((a, b) => a + b, 0) === 0,
    };
  }
}
