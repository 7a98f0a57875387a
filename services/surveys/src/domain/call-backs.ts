import {
  DomainError,
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import { FOLLOW_UP_RECORDERS, TEMPLATE_EDITORS } from './access.js';
import { completeCallBackInput, updateCallBackScheduleInput } from './inputs.js';
import type { CallBackCadence, CallBackRecord, CallBackScheduleRecord } from './records.js';

/**
 * Call-backs (seed 004): monthly in a property's first year after handover, quarterly after.
 * Time after handover is cut into periods, each with one call-back due at its start: months
 * 0–11 one month each, then quarters from month 12 (12–15, 15–18, …). Months are calendar
 * months added to the handover instant in UTC, a day past a month's end clamped to its last day.
 */
export const FIRST_YEAR_MONTHS = 12;
export const QUARTER_MONTHS = 3;

export function addMonths(instant: Date, months: number): Date {
  const y = instant.getUTCFullYear();
  const m = instant.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(instant.getUTCDate(), lastDay),
      instant.getUTCHours(),
      instant.getUTCMinutes(),
      instant.getUTCSeconds(),
      instant.getUTCMilliseconds(),
    ),
  );
}

/** The month offset at which period `index` (0, 1, …) starts, and its cadence. */
export function periodOf(index: number): { startMonth: number; cadence: CallBackCadence } {
  return index < FIRST_YEAR_MONTHS
    ? { startMonth: index, cadence: 'MONTHLY' }
    : { startMonth: FIRST_YEAR_MONTHS + (index - FIRST_YEAR_MONTHS) * QUARTER_MONTHS, cadence: 'QUARTERLY' };
}

export interface CallBackPeriod {
  index: number;
  cadence: CallBackCadence;
  dueAt: Date;
  /** When the next period starts (the next call-back is due). */
  nextDueAt: Date;
}

/** The period that contains `now` (null before the handover). */
export function currentPeriod(handoverAt: Date, now: Date): CallBackPeriod | null {
  if (now.getTime() < handoverAt.getTime()) return null;
  let index = 0;
  // A few dozen steps at most: 12 months, then four quarters a year.
  while (addMonths(handoverAt, periodOf(index + 1).startMonth).getTime() <= now.getTime()) index += 1;
  const { startMonth, cadence } = periodOf(index);
  return {
    index,
    cadence,
    dueAt: addMonths(handoverAt, startMonth),
    nextDueAt: addMonths(handoverAt, periodOf(index + 1).startMonth),
  };
}

export const callBackIdOf = (propertyId: string, handoverAt: Date, index: number): string =>
  `callback-${propertyId}-${handoverAt.getTime()}-${index}`;

/**
 * A property was created in the residents subgraph: its call-back schedule. The event has no
 * handover date, so the property's creation is taken as its handover until staff set the real
 * one (`updateCallBackSchedule`).
 */
export function scheduleOf(
  data: EventDataByType['property.created.v1'],
  context: CommandContext,
): CallBackScheduleRecord {
  const handoverAt = new Date(data.createdAt);
  return {
    _id: data.propertyId,
    version: 1,
    createdAt: context.now,
    name: data.name,
    handoverAt,
    handoverSource: 'PROPERTY_CREATED',
    nextDueAt: handoverAt,
  };
}

/** Staff set the real handover date; the schedule's next call-back is due from it. */
export function updateCallBackSchedule(
  input: unknown,
  schedule: CallBackScheduleRecord,
  context: CommandContext,
): Decision<CallBackScheduleRecord> {
  const valid = parseInput(updateCallBackScheduleInput, input);
  requireStaffOf(context.actor, schedule._id, TEMPLATE_EDITORS, 'set handover dates');
  const handoverAt = valid.handoverAt;
  const period = currentPeriod(handoverAt, context.now);
  return {
    record: {
      ...schedule,
      handoverAt,
      handoverSource: 'SET_BY_STAFF',
      nextDueAt: period ? period.dueAt : handoverAt,
    },
    events: [],
  };
}

/**
 * The scheduler's decision at `now` for a schedule whose `nextDueAt` has passed: the call-back
 * of the current period (earlier, missed periods are not back-filled), and when to look again.
 */
export function dueCallBack(
  schedule: CallBackScheduleRecord,
  context: CommandContext,
): { callBack: Decision<CallBackRecord> | null; nextDueAt: Date } {
  const period = currentPeriod(schedule.handoverAt, context.now);
  if (!period) return { callBack: null, nextDueAt: schedule.handoverAt };
  const record: CallBackRecord = {
    _id: callBackIdOf(schedule._id, schedule.handoverAt, period.index),
    version: 1,
    createdAt: context.now,
    propertyId: schedule._id,
    period: period.index,
    cadence: period.cadence,
    dueAt: period.dueAt,
    handoverAt: schedule.handoverAt,
    state: 'DUE',
    completion: null,
  };
  return {
    callBack: {
      record,
      events: [
        domainEvent(
          'callback.due.v1',
          { id: record._id, propertyId: record.propertyId },
          {
            callBackId: record._id,
            propertyId: record.propertyId,
            period: record.period,
            cadence: record.cadence,
            dueAt: record.dueAt.toISOString(),
            handoverAt: record.handoverAt.toISOString(),
          },
          context,
        ),
      ],
    },
    nextDueAt: period.nextDueAt,
  };
}

/** Office staff of the property record a due call-back as made (`callback.completed.v1`), once. */
export function completeCallBack(
  input: unknown,
  callBack: CallBackRecord,
  context: CommandContext,
): Decision<CallBackRecord> {
  const valid = parseInput(completeCallBackInput, input);
  requireStaffOf(context.actor, callBack.propertyId, FOLLOW_UP_RECORDERS, 'record call-backs');
  if (callBack.state === 'COMPLETED') {
    throw new DomainError(
      'CONFLICT',
      'CALL_BACK_ALREADY_COMPLETED',
      `Call-back ${callBack._id} was already recorded`,
    );
  }
  const completion = {
    at: context.now,
    byId: context.actor.subject,
    householdsReached: valid.householdsReached,
    note: valid.note ?? null,
  };
  const record: CallBackRecord = { ...callBack, state: 'COMPLETED', completion };
  return {
    record,
    events: [
      domainEvent(
        'callback.completed.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          callBackId: record._id,
          propertyId: record.propertyId,
          period: record.period,
          cadence: record.cadence,
          dueAt: record.dueAt.toISOString(),
          completedAt: completion.at.toISOString(),
          completedById: completion.byId,
          householdsReached: completion.householdsReached,
        },
        context,
      ),
    ],
  };
}
