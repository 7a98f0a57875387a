import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gql, gqlOk } from '../support/graphql.js';
import { refusalOf } from '../support/surveys.js';
import { createProperty } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { registerStaff } from '../support/work-orders.js';

const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateCallBackScheduleInput!) {
    updateCallBackSchedule(input: $input) {
      callBackSchedule {
        propertyId
        handoverAt
        handoverSource
        nextDueAt
      }
    }
  }
`;
interface CallBackView {
  id: string;
  period: number;
  cadence: string;
  dueAt: string;
  state: string;
}
/** Now with the day of month at most 28, so adding months back lands on the same day. */
const base = new Date();
base.setUTCDate(Math.min(base.getUTCDate(), 28));
const monthsAgo = (months: number) => {
  const at = new Date(base);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
};

describe('surveys: call-back schedules (seed 004), through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.surveys);
  });
  afterAll(() => tap.stop());

  /** A property, its schedule as surveys learnt it, and a supervisor of it. */
  async function property() {
    const propertyId = (await createProperty()).id;
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const schedule = await eventually(async () => {
      const result = await gql<{ callBackSchedule: { handoverSource: string; handoverAt: string } | null }>(
        `query ($p: ID!) { callBackSchedule(propertyId: $p) { handoverSource handoverAt } }`,
        { p: propertyId },
        { token: supervisor.token },
      );
      return result.data?.callBackSchedule ?? undefined;
    });
    return { propertyId, supervisor, schedule };
  }
  const callBacksOf = async (propertyId: string, token: string, count: number) =>
    eventually(async () => {
      const { callBacks } = await gqlOk<{ callBacks: { edges: Array<{ node: CallBackView }> } }>(
        `query ($p: ID!) { callBacks(propertyId: $p) { edges { node { id period cadence dueAt state } } } }`,
        { p: propertyId },
        { token },
      );
      return callBacks.edges.length >= count ? callBacks.edges.map((e) => e.node) : undefined;
    });

  it('a new property is handed over when it is created: its first monthly call-back is due', async () => {
    const { propertyId, supervisor, schedule } = await property();
    expect(schedule.handoverSource).toBe('PROPERTY_CREATED');
    const [first] = await callBacksOf(propertyId, supervisor.token, 1);
    expect(first).toMatchObject({ period: 0, cadence: 'MONTHLY', state: 'DUE', dueAt: schedule.handoverAt });
  });

  it('a property handed over 3 months ago has a monthly call-back due; one handed over 14 months ago a quarterly one', async () => {
    const recent = await property();
    const older = await property();
    const threeMonths = monthsAgo(3);
    const fourteenMonths = monthsAgo(14);
    for (const [{ propertyId, supervisor }, handoverAt] of [
      [recent, threeMonths],
      [older, fourteenMonths],
    ] as const) {
      const { updateCallBackSchedule } = await gqlOk<{
        updateCallBackSchedule: { callBackSchedule: { handoverSource: string } };
      }>(
        UPDATE,
        { input: { propertyId, handoverAt: handoverAt.toISOString() } },
        { token: supervisor.token },
      );
      expect(updateCallBackSchedule.callBackSchedule.handoverSource).toBe('SET_BY_STAFF');
    }

    const recentCalls = await callBacksOf(recent.propertyId, recent.supervisor.token, 2);
    // Period 3 (the fourth month) began today-ish: three calendar months after the handover.
    expect(recentCalls.find((c) => c.period === 3)).toMatchObject({
      cadence: 'MONTHLY',
      dueAt: base.toISOString(),
    });
    const olderCalls = await callBacksOf(older.propertyId, older.supervisor.token, 2);
    // Month 14 lies in the first quarter after the first year (months 12–15).
    expect(olderCalls.find((c) => c.period === 12)).toMatchObject({
      cadence: 'QUARTERLY',
      state: 'DUE',
      dueAt: monthsAgo(2).toISOString(),
    });

    const due = await tap.waitFor(
      (e) => e.type === 'callback.due.v1' && e.propertyid === older.propertyId,
      2,
    );
    expect(due.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          period: 12,
          cadence: 'QUARTERLY',
          handoverAt: fourteenMonths.toISOString(),
        }),
      ]),
    );
    // Nothing twice: one call-back per period.
    const periods = (await callBacksOf(older.propertyId, older.supervisor.token, 2)).map((c) => c.period);
    expect(new Set(periods).size).toBe(periods.length);
  });

  it('office staff record a due call-back as made, once (callback.completed.v1); others are refused, nothing recorded', async () => {
    const { propertyId, supervisor } = await property();
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const elsewhere = await registerStaff((await createProperty()).id, 'FRONT_DESK');
    const [due] = await callBacksOf(propertyId, supervisor.token, 1);
    const COMPLETE = `mutation ($input: CompleteCallBackInput!) {
      completeCallBack(input: $input) { callBack { id state completion { byId householdsReached note } } }
    }`;
    const input = { id: due!.id, householdsReached: 42, note: 'Two asked about the lift' };

    expect(await refusalOf(COMPLETE, { input }, tech.token)).toMatchObject({ code: 'FORBIDDEN', data: null });
    expect(await refusalOf(COMPLETE, { input }, elsewhere.token)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CALL_BACK_NOT_FOUND',
    });
    expect(
      await refusalOf(COMPLETE, { input: { ...input, householdsReached: -1 } }, desk.token),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const { completeCallBack } = await gqlOk<{ completeCallBack: { callBack: unknown } }>(
      COMPLETE,
      { input },
      {
        token: desk.token,
      },
    );
    expect(completeCallBack.callBack).toEqual({
      id: due!.id,
      state: 'COMPLETED',
      completion: { byId: desk.id, householdsReached: 42, note: 'Two asked about the lift' },
    });
    expect(await refusalOf(COMPLETE, { input }, desk.token)).toMatchObject({
      code: 'CONFLICT',
      reason: 'CALL_BACK_ALREADY_COMPLETED',
    });
    const [completed] = await tap.waitFor((e) => e.type === 'callback.completed.v1' && e.subject === due!.id);
    expect(completed).toMatchObject({
      propertyid: propertyId,
      data: { callBackId: due!.id, period: 0, completedById: desk.id, householdsReached: 42 },
    });
    expect(JSON.stringify(completed)).not.toContain('lift');
    const [listed] = await callBacksOf(propertyId, supervisor.token, 1);
    expect(listed).toMatchObject({ state: 'COMPLETED' });
  });
});
