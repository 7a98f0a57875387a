import {
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS } from './access.js';
import { DERIVED_ACCOUNTS, isBalanced, LEDGER_ACCOUNTS, type LedgerEntryView } from './fund-ledger.js';
import { recordLedgerEntryInput } from './inputs.js';
import { CURRENCY } from './money.js';
import { dayOf } from './periods.js';
import type { LedgerEntryRecord } from './records.js';

/**
 * A recorded entry (the fee administrator of the property): a cost of the company, or a
 * movement of the common fund. Refused unless it balances (`ENTRY_UNBALANCED`), every account
 * belongs to its fund (`ACCOUNT_NOT_IN_FUND`: the common fund is never the company's income),
 * none is an account derived from bills and payments (`ACCOUNT_DERIVED`), and it is not dated
 * after today.
 */
export function recordLedgerEntry(input: unknown, context: CommandContext): Decision<LedgerEntryRecord> {
  const valid = parseInput(recordLedgerEntryInput, input);
  requireStaffOf(context.actor, valid.propertyId, FEE_ADMINISTRATORS, 'record ledger entries');
  for (const [index, posting] of valid.postings.entries()) {
    const fund = LEDGER_ACCOUNTS[posting.account];
    if (fund === undefined || (fund !== 'ANY' && fund !== valid.fund)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'ACCOUNT_NOT_IN_FUND',
        `${posting.account} is not an account of the ${valid.fund} ledger`,
        { index, account: posting.account, fund: valid.fund },
      );
    }
    if (DERIVED_ACCOUNTS.includes(posting.account)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'ACCOUNT_DERIVED',
        `${posting.account} is posted from bills, payments and charges only`,
        { index, account: posting.account },
      );
    }
  }
  if (!isBalanced(valid)) {
    throw new DomainError('BAD_USER_INPUT', 'ENTRY_UNBALANCED', 'An entry’s debits must equal its credits', {
      debits: valid.postings.reduce((total, p) => total + p.debit, 0),
      credits: valid.postings.reduce((total, p) => total + p.credit, 0),
    });
  }
  if (valid.postedOn > dayOf(context.now)) {
    throw new DomainError('BAD_USER_INPUT', 'POSTED_IN_FUTURE', 'An entry is posted on or before today', {
      postedOn: valid.postedOn,
    });
  }
  return {
    record: {
      _id: context.newId(),
      version: 1,
      createdAt: context.now,
      propertyId: valid.propertyId,
      fund: valid.fund,
      postedOn: valid.postedOn,
      description: valid.description,
      currency: CURRENCY,
      postings: valid.postings,
      recordedBy: context.actor.subject,
    },
    events: [],
  };
}

export const recordedEntry = (record: LedgerEntryRecord): LedgerEntryView => ({
  id: record._id,
  propertyId: record.propertyId,
  fund: record.fund,
  postedOn: record.postedOn,
  description: record.description,
  source: 'RECORDED',
  currency: record.currency,
  postings: record.postings,
});
