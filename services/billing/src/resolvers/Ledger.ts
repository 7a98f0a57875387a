import type {
  FundLedgerResolvers,
  LedgerEntryResolvers,
  LedgerPostingResolvers,
} from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';

export const LedgerEntry: LedgerEntryResolvers = {
  postings: (entry) => entry.postings.map((posting) => ({ ...posting, currency: entry.currency })),
};

export const LedgerPosting: LedgerPostingResolvers = {
  debit: (posting) => money(posting.debit, posting.currency),
  credit: (posting) => money(posting.credit, posting.currency),
};

export const FundLedger: FundLedgerResolvers = {
  balances: (ledger) =>
    [...ledger.balances]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([account, balance]) => ({ account, balance: money(balance, ledger.currency) })),
};
