import { referenceId } from '@courtyard/kernel';
import type { FeeScheduleItemResolvers, FeeScheduleResolvers } from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';

export const FeeSchedule: FeeScheduleResolvers = {
  __resolveReference: (reference, context) =>
    context.reads.feeSchedule(context.caller, referenceId(reference)),
  id: (record) => record._id,
  items: (record) => record.items.map((item) => ({ ...item, currency: record.currency })),
};

export const FeeScheduleItem: FeeScheduleItemResolvers = {
  price: (item) => money(item.price, item.currency),
};
