import {
  DomainError,
  domainEvent,
  keyReusedFor,
  requireStaffOf,
  type Caller,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS, PAYMENT_PROVIDER } from './access.js';
import type { RecordPaymentInput } from './inputs.js';
import { requireSameCurrency } from './money.js';
import type { BillRecord, PaymentRecord, UnitRecord } from './records.js';

/**
 * A payment's id is derived from who sends it and its idempotency key: the payment provider's
 * keys and the office's are separate namespaces, and a key sent twice names the same record.
 */
export const paymentIdOf = (caller: Caller, idempotencyKey: string): string =>
  `payment:${senderOf(caller)}:${idempotencyKey}`;

/** Who sends an entry: the partner, or the office (the namespace of its idempotency keys). */
export const senderOf = (caller: Caller): string => caller.partnerId ?? 'office';

/**
 * The same key again: the same payment (same amount, same target) is the first result, unchanged;
 * anything else under that key is a CONFLICT, never a second payment.
 */
export function replayOf(existing: PaymentRecord, input: RecordPaymentInput): PaymentRecord {
  const sameTarget = input.billId
    ? existing.billId === input.billId
    : existing.unitId === input.unitId && existing.billId === null;
  if (
    existing.amount === input.amount.amount &&
    existing.currency === input.amount.currency &&
    sameTarget &&
    existing.method === input.method
  ) {
    return existing;
  }
  throw keyReusedFor('payment', { idempotencyKey: input.idempotencyKey, paymentId: existing._id });
}

/** A key sent again with a different request: the kernel's one CONFLICT, never a second entry. */
export { keyReusedFor };

/** A new payment to a unit's account (and to a named bill first, when it names one). */
export function recordPayment(
  input: RecordPaymentInput,
  unit: UnitRecord,
  bill: BillRecord | null,
  context: CommandContext,
): Decision<PaymentRecord> {
  if (context.actor.role === 'PARTNER') {
    if (context.actor.partnerId !== PAYMENT_PROVIDER) {
      throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'Only the payment provider posts payments');
    }
  } else {
    requireStaffOf(context.actor, unit.propertyId, FEE_ADMINISTRATORS, 'record payments');
  }
  if (bill) requireSameCurrency(bill.currency, input.amount.currency);
  const record: PaymentRecord = {
    _id: paymentIdOf(context.actor, input.idempotencyKey),
    version: 1,
    createdAt: context.now,
    propertyId: unit.propertyId,
    unitId: unit._id,
    billId: bill?._id ?? null,
    amount: input.amount.amount,
    currency: input.amount.currency,
    method: input.method,
    idempotencyKey: input.idempotencyKey,
    recordedBy: context.actor.subject,
  };
  return {
    record,
    events: [
      domainEvent(
        'payment.received.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          paymentId: record._id,
          propertyId: record.propertyId,
          unitId: record.unitId,
          billId: record.billId,
          amount: record.amount,
          currency: record.currency,
          method: record.method,
          receivedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
