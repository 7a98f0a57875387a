import { DomainError, parseInput } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { refundCreditInput, reversePaymentInput } from '../domain/inputs.js';
import {
  refundCredit,
  refundReplayOf,
  reversalIdOf,
  reversalReplayOf,
  reversePayment,
} from '../domain/reversals.js';
import { senderOf } from '../domain/payments.js';

/**
 * Money going back, each as its own entry: a payment reversed, credit refunded. The key first,
 * as for payments: a replay returns the first result before anything else is decided.
 */
export const moneyBackMutations: Pick<MutationResolvers, 'reversePayment' | 'refundCredit'> = {
  reversePayment: async (_, { input }, context) => {
    const valid = parseInput(reversePaymentInput, input);
    const id = reversalIdOf(valid.paymentId);
    const seen = await context.repository.findReversal(id);
    const payment = await context.reads.payment(context.caller, valid.paymentId);
    if (seen) return { reversal: reversalReplayOf(seen, valid) };
    const saved = await context.repository.insertReversal(reversePayment(valid, payment, context.command));
    return { reversal: saved ?? reversalReplayOf((await context.repository.findReversal(id))!, valid) };
  },
  /**
   * The refund is numbered from the account read; a concurrent refund of the same unit takes
   * the same number and loses on `_id`: re-read the key (a replay), or refuse.
   */
  refundCredit: async (_, { input }, context) => {
    const valid = parseInput(refundCreditInput, input);
    const sender = senderOf(context.caller);
    const seen = await context.repository.findRefund(sender, valid.idempotencyKey);
    if (seen) return { refund: refundReplayOf(seen, valid) };
    const unit = await context.reads.payableUnit(context.caller, valid.unitId);
    const { entries, account } = await context.reads.entriesOfUnit(unit._id);
    const decision = refundCredit(valid, unit, account, entries.refunds.length, context.command);
    const saved = await context.repository.insertRefund(decision);
    if (saved) return { refund: saved };
    const replay = await context.repository.findRefund(sender, valid.idempotencyKey);
    if (replay) return { refund: refundReplayOf(replay, valid) };
    throw new DomainError('CONFLICT', 'ACCOUNT_CHANGED', 'The account changed meanwhile; reload and retry');
  },
};
