import { referenceId } from '@courtyard/kernel';
import type {
  BillAllocationResolvers,
  BillLineResolvers,
  BillResolvers,
} from '../__generated__/resolvers-types.js';
import { billTotal } from '../domain/bills.js';
import { money } from '../domain/money.js';

/** A bill: its lines as stored; what was paid is derived from the unit's payments (ledger.ts). */
export const Bill: BillResolvers = {
  __resolveReference: (reference, context) => context.reads.bill(context.caller, referenceId(reference)),
  id: (bill) => bill._id,
  unit: (bill) => ({ id: bill.unitId }),
  feeSchedule: (bill, _, context) => context.loaders.feeScheduleById.load(bill.feeScheduleId),
  lines: (bill) => bill.lines.map((line) => ({ ...line, currency: bill.currency })),
  total: (bill) => money(billTotal(bill), bill.currency),
  paid: async (bill, _, context) =>
    money((await context.reads.accountOfBill(bill)).charges.get(bill._id)?.paid ?? 0, bill.currency),
  balance: async (bill, _, context) =>
    money(
      (await context.reads.accountOfBill(bill)).charges.get(bill._id)?.balance ?? billTotal(bill),
      bill.currency,
    ),
  allocations: async (bill, _, context) =>
    ((await context.reads.accountOfBill(bill)).charges.get(bill._id)?.allocations ?? []).map(
      (allocation) => ({
        ...allocation,
        currency: bill.currency,
      }),
    ),
  issuedAt: (bill) => bill.createdAt,
};

export const BillLine: BillLineResolvers = {
  amount: (line) => money(line.amount, line.currency),
};

export const BillAllocation: BillAllocationResolvers = {
  payment: (allocation, _, context) =>
    allocation.paymentId === 'CREDIT' ? null : context.loaders.paymentById.load(allocation.paymentId),
  reversal: (allocation, _, context) =>
    allocation.reversalId ? context.loaders.reversalById.load(allocation.reversalId) : null,
  amount: (allocation) => money(allocation.amount, allocation.currency),
};
