import {
  DomainError,
  domainEvent,
  requireStaffOf,
  type Caller,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS, PAYMENT_PROVIDER } from './access.js';
import type { RefundCreditInput, ReversePaymentInput } from './inputs.js';
import { keyReusedFor, paymentIdOf, senderOf } from './payments.js';
import { formatMoney, money, requireSameCurrency } from './money.js';
import type { PaymentRecord, RefundRecord, ReversalRecord, UnitRecord } from './records.js';
import type { UnitAccount } from './accounts.js';

/** A payment is reversed at most once: the reversal's id is derived from the payment's. */
export const reversalIdOf = (paymentId: string): string => `reversal:${paymentId}`;

/**
 * The fee administrator of the payment's property reverses any of its payments; the payment
 * provider only those it posted (its own key namespace).
 */
function requireMayReverse(caller: Caller, payment: PaymentRecord): void {
  if (caller.role === 'PARTNER') {
    // Its own payments are those whose id is in its key namespace.
    if (caller.partnerId !== PAYMENT_PROVIDER || !payment._id.startsWith(paymentIdOf(caller, ''))) {
      throw new DomainError(
        'FORBIDDEN',
        'ROLE_NOT_ALLOWED',
        'The payment provider reverses its own payments',
      );
    }
    return;
  }
  requireStaffOf(caller, payment.propertyId, FEE_ADMINISTRATORS, 'reverse payments');
}

/**
 * The reversal found under the payment's reversal id: the same key is the first result,
 * unchanged; another key means the payment was reversed already (CONFLICT, never twice).
 */
export function reversalReplayOf(existing: ReversalRecord, input: ReversePaymentInput): ReversalRecord {
  if (existing.idempotencyKey === input.idempotencyKey) return existing;
  throw new DomainError('CONFLICT', 'PAYMENT_ALREADY_REVERSED', 'This payment was reversed already', {
    paymentId: existing.paymentId,
    reversalId: existing._id,
  });
}

/** Takes a whole payment back, as its own entry: the bills it paid are open again. */
export function reversePayment(
  input: ReversePaymentInput,
  payment: PaymentRecord,
  context: CommandContext,
): Decision<ReversalRecord> {
  requireMayReverse(context.actor, payment);
  const record: ReversalRecord = {
    _id: reversalIdOf(payment._id),
    version: 1,
    createdAt: context.now,
    propertyId: payment.propertyId,
    unitId: payment.unitId,
    paymentId: payment._id,
    billId: payment.billId,
    amount: payment.amount,
    currency: payment.currency,
    reason: input.reason,
    idempotencyKey: input.idempotencyKey,
    sender: senderOf(context.actor),
    recordedBy: context.actor.subject,
  };
  return {
    record,
    events: [
      domainEvent(
        'payment.reversed.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          reversalId: record._id,
          paymentId: record.paymentId,
          propertyId: record.propertyId,
          unitId: record.unitId,
          billId: record.billId,
          amount: record.amount,
          currency: record.currency,
          reason: record.reason,
          reversedAt: context.now.toISOString(),
          reversedBy: context.actor.subject,
        },
        context,
      ),
    ],
  };
}

/** The same key again: the same refund is the first result; anything else under it is a CONFLICT. */
export function refundReplayOf(existing: RefundRecord, input: RefundCreditInput): RefundRecord {
  if (
    existing.unitId === input.unitId &&
    existing.amount === input.amount.amount &&
    existing.currency === input.amount.currency &&
    existing.method === input.method
  ) {
    return existing;
  }
  throw keyReusedFor('refund', { idempotencyKey: input.idempotencyKey, refundId: existing._id });
}

/**
 * Pays credit back to the payer (the fee administrator of the unit's property): never more
 * than the credit the account holds now. `refundsSoFar` numbers it, so a concurrent refund
 * decided on the same account takes the same id and one of the two is refused.
 */
export function refundCredit(
  input: RefundCreditInput,
  unit: UnitRecord,
  current: UnitAccount,
  refundsSoFar: number,
  context: CommandContext,
): Decision<RefundRecord> {
  requireStaffOf(context.actor, unit.propertyId, FEE_ADMINISTRATORS, 'refund credit');
  requireSameCurrency(current.currency, input.amount.currency);
  if (input.amount.amount > current.credit) {
    throw new DomainError(
      'CONFLICT',
      'REFUND_EXCEEDS_CREDIT',
      `Only ${formatMoney(money(current.credit, current.currency))} of credit can be refunded`,
      { credit: current.credit, asked: input.amount.amount },
    );
  }
  const record: RefundRecord = {
    _id: `refund:${unit._id}:${refundsSoFar + 1}`,
    version: 1,
    createdAt: context.now,
    propertyId: unit.propertyId,
    unitId: unit._id,
    amount: input.amount.amount,
    currency: input.amount.currency,
    method: input.method,
    reason: input.reason,
    idempotencyKey: input.idempotencyKey,
    sender: senderOf(context.actor),
    recordedBy: context.actor.subject,
  };
  return {
    record,
    events: [
      domainEvent(
        'credit.refunded.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          refundId: record._id,
          propertyId: record.propertyId,
          unitId: record.unitId,
          amount: record.amount,
          currency: record.currency,
          method: record.method,
          reason: record.reason,
          refundedAt: context.now.toISOString(),
          refundedBy: context.actor.subject,
        },
        context,
      ),
    ],
  };
}
