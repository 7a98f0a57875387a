import type {
  DisclosureLineResolvers,
  QuarterlyDisclosureResolvers,
} from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';
import type { DisclosureRecord } from '../domain/records.js';

const published = (figures: object): figures is DisclosureRecord => '_id' in figures;

/** A preview (figures only) or a published disclosure (a record with its id and time). */
export const QuarterlyDisclosure: QuarterlyDisclosureResolvers = {
  id: (figures) => (published(figures) ? figures._id : null),
  companyIncome: (figures) => figures.companyIncome.map((line) => ({ ...line, currency: figures.currency })),
  companyExpenditure: (figures) =>
    figures.companyExpenditure.map((line) => ({ ...line, currency: figures.currency })),
  commonFundIncome: (figures) => money(figures.commonFundIncome, figures.currency),
  commonFundExpenditure: (figures) =>
    figures.commonFundExpenditure.map((line) => ({ ...line, currency: figures.currency })),
  commonFundClosingBalance: (figures) => money(figures.commonFundClosingBalance, figures.currency),
  publishedAt: (figures) => (published(figures) ? figures.createdAt : null),
};

export const DisclosureLine: DisclosureLineResolvers = {
  amount: (line) => money(line.amount, line.currency),
};
