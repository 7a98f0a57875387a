import { referenceId } from '@courtyard/kernel';
import type { PaymentResolvers } from '../__generated__/resolvers-types.js';
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
};
