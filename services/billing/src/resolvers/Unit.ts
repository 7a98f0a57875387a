import { referenceId } from '@courtyard/kernel';
import type { UnitResolvers } from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';
import { dayOrToday } from './days.js';

/**
 * billing's fields on the residents subgraph's `Unit`. Both are nullable: null when billing has
 * not heard of the unit or the caller may not read its bills; the owner being down leaves them
 * to the gateway's partial result.
 */
export const Unit: UnitResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  bills: ({ id }, page, context) => context.reads.billsOfUnit(context.caller, id, page),
  balance: async ({ id }, _, context) => {
    const account = await context.reads.account(context.caller, id);
    return account
      ? { owed: money(account.balance, account.currency), credit: money(account.credit, account.currency) }
      : null;
  },
  dunningNotices: ({ id }, _, context) => context.reads.dunningNotices(context.caller, id),
  arrears: ({ id }, { asOf }, context) =>
    context.reads.ageing(context.caller, id, dayOrToday(asOf, context.command.now)),
};
