import {
  DomainError,
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS } from './access.js';
import { createFeeScheduleInput } from './inputs.js';
import { CURRENCY } from './money.js';
import { dayOf } from './periods.js';
import type { FeeScheduleRecord } from './records.js';

/**
 * A draft version of a property's fee schedule. A change to prices is always a new version with
 * its own `effectiveFrom`; `latest` is the property's newest version (its number + 1 is this one's).
 */
export function createFeeSchedule(
  input: unknown,
  latest: Pick<FeeScheduleRecord, 'number'> | null,
  context: CommandContext,
): Decision<FeeScheduleRecord> {
  const valid = parseInput(createFeeScheduleInput, input);
  requireStaffOf(context.actor, valid.propertyId, FEE_ADMINISTRATORS, 'change fee schedules');
  return {
    record: {
      _id: context.newId(),
      version: 1,
      createdAt: context.now,
      propertyId: valid.propertyId,
      number: (latest?.number ?? 0) + 1,
      effectiveFrom: valid.effectiveFrom,
      billingCycle: valid.billingCycle,
      currency: CURRENCY,
      items: valid.items,
      status: 'DRAFT',
      createdBy: context.actor.subject,
      publishedAt: null,
      publishedBy: null,
    },
    events: [],
  };
}

/**
 * Publishing (明码标价) makes a version chargeable. Only a draft is published, and never with
 * an `effectiveFrom` before the day it is published: a price is shown before it is charged.
 */
export function publishFeeSchedule(
  schedule: FeeScheduleRecord,
  context: CommandContext,
): Decision<FeeScheduleRecord> {
  requireStaffOf(context.actor, schedule.propertyId, FEE_ADMINISTRATORS, 'publish fee schedules');
  if (schedule.status !== 'DRAFT') {
    throw new DomainError(
      'CONFLICT',
      'FEE_SCHEDULE_ALREADY_PUBLISHED',
      'A published version is never changed; create a new version',
    );
  }
  const today = dayOf(context.now);
  if (schedule.effectiveFrom < today) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'EFFECTIVE_DATE_IN_THE_PAST',
      `A fee schedule takes effect on or after the day it is published (${today})`,
      { effectiveFrom: schedule.effectiveFrom, today },
    );
  }
  const record: FeeScheduleRecord = {
    ...schedule,
    status: 'PUBLISHED',
    publishedAt: context.now,
    publishedBy: context.actor.subject,
  };
  return {
    record,
    events: [
      domainEvent(
        'fee_schedule.published.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          feeScheduleId: record._id,
          propertyId: record.propertyId,
          version: record.number,
          effectiveFrom: record.effectiveFrom,
          billingCycle: record.billingCycle,
          currency: record.currency,
          items: record.items.map(
            ({ code, kind, name, pricing, price, unitType, priceSource, workOrderCategories }) => ({
              code,
              kind,
              name,
              pricing,
              price,
              unitType,
              priceSource,
              workOrderCategories,
            }),
          ),
          publishedAt: context.now.toISOString(),
          publishedBy: context.actor.subject,
        },
        context,
      ),
    ],
  };
}

/**
 * The version in force on `day`: the published one with the latest `effectiveFrom` on or
 * before it (the higher number on a tie). Its MongoDB twin is `inForceQuery`.
 */
export function scheduleInForce<T extends Pick<FeeScheduleRecord, 'status' | 'effectiveFrom' | 'number'>>(
  schedules: readonly T[],
  day: string,
): T | null {
  return (
    schedules
      .filter((schedule) => schedule.status === 'PUBLISHED' && schedule.effectiveFrom <= day)
      .sort((a, b) =>
        a.effectiveFrom === b.effectiveFrom
          ? b.number - a.number
          : a.effectiveFrom < b.effectiveFrom
            ? 1
            : -1,
      )[0] ?? null
  );
}

export const inForceQuery = (propertyId: string, day: string) => ({
  filter: { propertyId, status: 'PUBLISHED', effectiveFrom: { $lte: day } },
  sort: { effectiveFrom: -1, number: -1 } as const,
});
