import {
  domainEvent,
  type CommandContext,
  type Decision,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import { CURRENCY } from './money.js';
import type { FeeScheduleRecord, ServiceChargeRecord } from './records.js';

/**
 * A paid help request closed in work-orders. Its price is the published paid-service item that
 * lists the request's category (`workOrderCategories`: the category → paid service map) in the
 * schedule in force when the request was received. A fixed price is charged; a price per hour
 * needs the hours and materials, which the event does not carry, so it goes to review, as does a
 * category with no published price. `_id` = the help request's id: one charge per request.
 */
export function chargePaidService(
  data: EventDataByType['workorder.closed.v1'],
  schedule: FeeScheduleRecord | null,
  context: CommandContext,
): Decision<ServiceChargeRecord> {
  const item =
    schedule?.items.find(
      (candidate) =>
        candidate.kind === 'PAID_SERVICE' && candidate.workOrderCategories.includes(data.category),
    ) ?? null;
  const base = {
    _id: data.helpRequestId,
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    helpRequestId: data.helpRequestId,
    helpRequestNumber: data.number,
    category: data.category,
    receivedAt: new Date(data.receivedAt),
    currency: schedule?.currency ?? CURRENCY,
  };
  if (!schedule || !item || item.pricing !== 'FIXED') {
    return {
      record: {
        ...base,
        status: 'NEEDS_REVIEW',
        reviewReason: item ? 'PRICED_PER_HOUR' : 'NO_PUBLISHED_PRICE',
        itemCode: item?.code ?? null,
        feeScheduleId: schedule?._id ?? null,
        amount: null,
      },
      events: [],
    };
  }
  const record: ServiceChargeRecord = {
    ...base,
    status: 'CHARGED',
    reviewReason: null,
    itemCode: item.code,
    feeScheduleId: schedule._id,
    amount: item.price,
  };
  return {
    record,
    events: [
      domainEvent(
        'service_charge.created.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          serviceChargeId: record._id,
          propertyId: record.propertyId,
          helpRequestId: record.helpRequestId,
          helpRequestNumber: record.helpRequestNumber,
          itemCode: item.code,
          feeScheduleId: schedule._id,
          amount: item.price,
          currency: record.currency,
          receivedAt: data.receivedAt,
        },
        context,
      ),
    ],
  };
}
