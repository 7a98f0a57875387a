import type { UnitAccountResolvers } from '../__generated__/resolvers-types.js';
import { openBills } from '../domain/accounts.js';
import { money } from '../domain/money.js';

export const UnitAccount: UnitAccountResolvers = {
  owed: ({ account }) => money(account.balance, account.currency),
  credit: ({ account }) => money(account.credit, account.currency),
  openBills: (view) => openBills(view),
};
