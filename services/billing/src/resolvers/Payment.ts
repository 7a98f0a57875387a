import { referenceId } from '@courtyard/kernel';
import type {
  CreditRefundResolvers,
  PaymentResolvers,
  PaymentReversalResolvers,
} from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';

export const Payment: PaymentResolvers = {
  __resolveReference: async (reference, context) => {
    const payment = await context.loaders.paymentById.load(referenceId(reference));
    // Readable with its bill (or unit): the same rule, so a reference never reveals one.
    if (payment) await context.reads.payableUnit(context.caller, payment.unitId);
    return payment;
  },
  id: (payment) => payment._id,
  bill: (payment, _, context) => (payment.billId ? context.reads.bill(context.caller, payment.billId) : null),
  amount: (payment) => money(payment.amount, payment.currency),
  receivedAt: (payment) => payment.createdAt,
  reversal: (payment, _, context) => context.reads.reversalOf(payment._id),
};

export const PaymentReversal: PaymentReversalResolvers = {
  __resolveReference: async (reference, context) => {
    const reversal = await context.loaders.reversalById.load(referenceId(reference));
    if (reversal) await context.reads.payment(context.caller, reversal.paymentId);
    return reversal;
  },
  id: (reversal) => reversal._id,
  payment: (reversal, _, context) => context.reads.payment(context.caller, reversal.paymentId),
  amount: (reversal) => money(reversal.amount, reversal.currency),
  reversedAt: (reversal) => reversal.createdAt,
};

export const CreditRefund: CreditRefundResolvers = {
  id: (refund) => refund._id,
  amount: (refund) => money(refund.amount, refund.currency),
  refundedAt: (refund) => refund.createdAt,
};
