import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import {
  addMonths,
  completeCallBack,
  currentPeriod,
  dueCallBack,
  scheduleOf,
  updateCallBackSchedule,
} from './call-backs.js';

const handover = new Date('2025-01-31T02:00:00Z');
const system: Caller = { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] };
const at = (now: Date, actor: Caller = system): CommandContext => ({ actor, now, newId: sequentialIds() });

describe('call-back periods (seed 004)', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths(handover, 1)).toEqual(new Date('2025-02-28T02:00:00Z'));
    expect(addMonths(handover, 13)).toEqual(new Date('2026-02-28T02:00:00Z'));
    expect(addMonths(handover, 3)).toEqual(new Date('2025-04-30T02:00:00Z'));
  });

  it.each([
    ['at the handover', '2025-01-31T02:00:00Z', 0, 'MONTHLY', '2025-01-31T02:00:00Z', '2025-02-28T02:00:00Z'],
    ['3 months after', '2025-05-10T00:00:00Z', 3, 'MONTHLY', '2025-04-30T02:00:00Z', '2025-05-31T02:00:00Z'],
    [
      'in the last month of the first year',
      '2026-01-15T00:00:00Z',
      11,
      'MONTHLY',
      '2025-12-31T02:00:00Z',
      '2026-01-31T02:00:00Z',
    ],
    ['a year after', '2026-01-31T02:00:00Z', 12, 'QUARTERLY', '2026-01-31T02:00:00Z', '2026-04-30T02:00:00Z'],
    [
      '14 months after',
      '2026-03-31T12:00:00Z',
      12,
      'QUARTERLY',
      '2026-01-31T02:00:00Z',
      '2026-04-30T02:00:00Z',
    ],
    [
      '15 months after',
      '2026-04-30T02:00:00Z',
      13,
      'QUARTERLY',
      '2026-04-30T02:00:00Z',
      '2026-07-31T02:00:00Z',
    ],
    [
      'three years after',
      '2028-02-01T00:00:00Z',
      20,
      'QUARTERLY',
      '2028-01-31T02:00:00Z',
      '2028-04-30T02:00:00Z',
    ],
  ])('%s: period %s', (_, now, index, cadence, dueAt, nextDueAt) => {
    expect(currentPeriod(handover, new Date(now))).toEqual({
      index,
      cadence,
      dueAt: new Date(dueAt),
      nextDueAt: new Date(nextDueAt),
    });
  });

  it('has no period before the handover', () => {
    expect(currentPeriod(handover, new Date('2025-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('call-back schedules', () => {
  const created = {
    propertyId: 'p1',
    code: 'GARDEN',
    name: 'Garden Court',
    timeZone: 'Asia/Shanghai',
    createdAt: '2025-01-31T02:00:00.000Z',
  };

  it("takes the property's creation as its handover until staff set it", () => {
    expect(scheduleOf(created, at(new Date('2025-02-01T00:00:00Z')))).toMatchObject({
      _id: 'p1',
      handoverAt: handover,
      handoverSource: 'PROPERTY_CREATED',
      nextDueAt: handover,
    });
  });

  it('a handover set by staff makes the current period due now', () => {
    const schedule = scheduleOf(created, at(handover));
    const supervisor: Caller = { subject: 'sup', role: 'SERVICE_SUPERVISOR', propertyIds: ['p1'] };
    const now = new Date('2026-12-01T00:00:00Z');
    const { record } = updateCallBackSchedule(
      { propertyId: 'p1', handoverAt: '2026-09-01T00:00:00Z' },
      schedule,
      at(now, supervisor),
    );
    expect(record).toMatchObject({
      handoverAt: new Date('2026-09-01T00:00:00Z'),
      handoverSource: 'SET_BY_STAFF',
      nextDueAt: new Date('2026-12-01T00:00:00Z'),
    });
    expect(() =>
      updateCallBackSchedule(
        { propertyId: 'p1', handoverAt: '2026-09-01T00:00:00Z' },
        schedule,
        at(now, { ...supervisor, propertyIds: ['p2'] }),
      ),
    ).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
  });

  it('decides the call-back of the current period with callback.due.v1, the same one every time', () => {
    const schedule = scheduleOf(created, at(handover));
    const now = new Date('2025-05-10T00:00:00Z');
    const { callBack, nextDueAt } = dueCallBack(schedule, at(now));
    expect(callBack?.record).toMatchObject({
      propertyId: 'p1',
      period: 3,
      cadence: 'MONTHLY',
      dueAt: new Date('2025-04-30T02:00:00Z'),
      state: 'DUE',
    });
    expect(callBack?.events).toMatchObject([
      { type: 'callback.due.v1', subject: callBack?.record._id, data: { period: 3, cadence: 'MONTHLY' } },
    ]);
    expect(nextDueAt).toEqual(new Date('2025-05-31T02:00:00Z'));
    expect(dueCallBack(schedule, at(new Date('2025-05-20T00:00:00Z'))).callBack?.record._id).toBe(
      callBack?.record._id,
    );
  });
});

describe('completeCallBack', () => {
  const created = {
    propertyId: 'p1',
    code: 'GARDEN',
    name: 'Garden Court',
    timeZone: 'Asia/Shanghai',
    createdAt: handover.toISOString(),
  };
  const made = dueCallBack(scheduleOf(created, at(handover)), at(new Date('2025-05-10T00:00:00Z'))).callBack!
    .record;
  const desk: Caller = { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] };
  const now = new Date('2025-05-12T08:00:00Z');

  it('records who made it, when and how many households were reached, with callback.completed.v1 (no note in it)', () => {
    const { record, events } = completeCallBack(
      { id: made._id, householdsReached: 42, note: 'Two asked about the lift' },
      made,
      at(now, desk),
    );
    expect(record).toMatchObject({
      state: 'COMPLETED',
      completion: { at: now, byId: 'desk-1', householdsReached: 42, note: 'Two asked about the lift' },
    });
    expect(events).toMatchObject([
      {
        type: 'callback.completed.v1',
        subject: made._id,
        data: {
          callBackId: made._id,
          period: 3,
          cadence: 'MONTHLY',
          completedById: 'desk-1',
          householdsReached: 42,
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('lift');
  });

  it('refuses a second recording, staff of another property, a technician and a negative count', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as { reason: string }).reason;
      }
      return 'accepted';
    };
    const done = completeCallBack({ id: made._id, householdsReached: 1 }, made, at(now, desk)).record;
    expect(refusal(() => completeCallBack({ id: made._id, householdsReached: 1 }, done, at(now, desk)))).toBe(
      'CALL_BACK_ALREADY_COMPLETED',
    );
    expect(
      refusal(() =>
        completeCallBack(
          { id: made._id, householdsReached: 1 },
          made,
          at(now, { ...desk, propertyIds: ['p2'] }),
        ),
      ),
    ).toBe('OUTSIDE_PROPERTY_SCOPE');
    expect(
      refusal(() =>
        completeCallBack(
          { id: made._id, householdsReached: 1 },
          made,
          at(now, { ...desk, role: 'TECHNICIAN' }),
        ),
      ),
    ).toBe('ROLE_NOT_ALLOWED');
    expect(
      refusal(() => completeCallBack({ id: made._id, householdsReached: -1 }, made, at(now, desk))),
    ).toBe('VALIDATION_FAILED');
  });
});
