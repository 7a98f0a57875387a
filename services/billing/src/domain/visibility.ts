import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel/domain';
import { PAYMENT_PROVIDER } from './access.js';
import type { BillRecord, FeeScheduleRecord, ServiceChargeRecord } from './records.js';

/**
 * Each read rule beside its MongoDB twin: the predicate decides a single read, the filter a
 * list, and `visibility.spec.ts` proves for every role and record shape that they agree.
 */
const isPaymentProvider = (caller: Caller) =>
  caller.role === 'PARTNER' && caller.partnerId === PAYMENT_PROVIDER;

/**
 * Bills: staff of the property; a resident only the bills of units whose household they live in
 * now (`householdUnitIds`, from the membership projection); the payment provider, whose
 * operations read a unit's open bills to collect them.
 */
export const canReadBill = (
  caller: Caller,
  bill: Pick<BillRecord, 'propertyId' | 'unitId'>,
  householdUnitIds: readonly string[],
): boolean =>
  caller.role === 'SYSTEM' ||
  isPaymentProvider(caller) ||
  (isStaff(caller) && actsForProperty(caller, bill.propertyId)) ||
  (caller.role === 'RESIDENT' && householdUnitIds.includes(bill.unitId));

export const billsReadableBy = (caller: Caller, householdUnitIds: readonly string[]): Filter =>
  caller.role === 'SYSTEM' || isPaymentProvider(caller)
    ? {}
    : isStaff(caller)
      ? propertyScopeFilter(caller)
      : caller.role === 'RESIDENT'
        ? { unitId: { $in: [...householdUnitIds] } }
        : MATCHES_NOTHING;

/** Published schedules are public (明码标价: posted for every resident); drafts only to staff of the property. */
export const canReadFeeSchedule = (
  caller: Caller,
  schedule: Pick<FeeScheduleRecord, 'propertyId' | 'status'>,
): boolean =>
  schedule.status === 'PUBLISHED' ||
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && actsForProperty(caller, schedule.propertyId));

export const feeSchedulesReadableBy = (caller: Caller): Filter =>
  caller.role === 'SYSTEM'
    ? {}
    : isStaff(caller)
      ? { $or: [{ status: 'PUBLISHED' }, propertyScopeFilter(caller)] }
      : { status: 'PUBLISHED' };

/**
 * Service charges: staff of the property. Work-orders' events name no requester or unit, so
 * billing cannot tell a resident's own charge from another's yet: residents see none.
 */
export const canReadServiceCharge = (
  caller: Caller,
  charge: Pick<ServiceChargeRecord, 'propertyId'>,
): boolean => caller.role === 'SYSTEM' || (isStaff(caller) && actsForProperty(caller, charge.propertyId));

export const serviceChargesReadableBy = (caller: Caller): Filter =>
  caller.role === 'SYSTEM' || isStaff(caller) ? propertyScopeFilter(caller) : MATCHES_NOTHING;
