import type { MoneyResolvers } from '../__generated__/resolvers-types.js';
import { formatMoney } from '../domain/money.js';

export const Money: MoneyResolvers = {
  formatted: (value) => formatMoney(value),
};
