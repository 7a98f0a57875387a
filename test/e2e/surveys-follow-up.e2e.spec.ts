import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gqlOk } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import {
  RECORD_BY_PHONE,
  refusalOf,
  replay,
  resolvedRepair,
  untilSurveyOpened,
  type SurveyView,
} from '../support/surveys.js';
import { act, registerStaff } from '../support/work-orders.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;
interface RequestView {
  state: string;
  followUp: { result: string; note: string | null; byId: string } | null;
  timeline: Array<{ to: string }>;
  satisfaction: {
    id: string;
    state: string;
    requestClosedAt: string | null;
    response: { channel: string; score: number } | null;
  } | null;
}

/** One follow-up, not two: the phone follow-up (回访) is answered in surveys, work-orders closes on it. */
describe('surveys → work-orders: a phone follow-up recorded as a survey is the request’s follow-up', () => {
  let workOrders: EventTap;
  let surveys: EventTap;
  let propertyId: string;
  let residentId: string;
  let desk: Staff;
  let tech: Staff;

  const requestOf = async (id: string) =>
    (
      await gqlOk<{ helpRequest: RequestView }>(
        `query ($id: ID!) { helpRequest(id: $id) {
          state followUp { result note byId } timeline { to }
          satisfaction { id state requestClosedAt response { channel score } }
        } }`,
        { id },
        { token: desk.token },
      )
    ).helpRequest;
  const byPhone = (survey: SurveyView, score: number) =>
    gqlOk<{ recordSurveyByPhone: { survey: SurveyView } }>(
      RECORD_BY_PHONE,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: 'overall', score },
            { questionId: 'comment', text: 'Said on the phone' },
          ],
          note: 'Called at 10:00',
        },
      },
      { token: desk.token },
    );
  /** A repair resolved and confirmed: waiting for its follow-up (rule 7); its open survey. */
  async function awaitingFollowUp() {
    const id = await resolvedRepair(propertyId, residentId, desk, tech);
    await act('confirmHelpRequestResolution', { id }, desk.token);
    return { id, survey: await untilSurveyOpened(id, desk.token) };
  }

  beforeAll(async () => {
    [workOrders, surveys] = await Promise.all([
      EventTap.start(TOPICS.workOrders),
      EventTap.start(TOPICS.surveys),
    ]);
    propertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Zhao Lei', '13600001111')).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
  });
  afterAll(async () => {
    await Promise.all([workOrders.stop(), surveys.stop()]);
  });

  it('a score of 5 by phone lets work-orders close the request, once, with the message replayed', async () => {
    const { id, survey } = await awaitingFollowUp();
    // Without the follow-up the request may not close.
    expect(
      await refusalOf(
        `mutation ($input: TransitionInput!) { closeHelpRequest(input: $input) { helpRequest { id } } }`,
        { input: { id } },
        desk.token,
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });

    const { recordSurveyByPhone } = await byPhone(survey, 5);
    expect(recordSurveyByPhone.survey).toMatchObject({
      state: 'COMPLETED',
      response: { channel: 'PHONE', score: 5, satisfied: true, recordedById: desk.id },
    });
    const followed = await eventually(async () => {
      const request = await requestOf(id);
      return request.state === 'FOLLOWED_UP' ? request : undefined;
    }, 30_000);
    expect(followed.followUp).toMatchObject({ result: 'SATISFIED', byId: 'work-orders' });
    expect(followed.followUp?.note).toContain('score 5');
    expect(followed.satisfaction).toMatchObject({ id: survey.id, response: { channel: 'PHONE', score: 5 } });

    expect(await act('closeHelpRequest', { id }, desk.token)).toMatchObject({ state: 'CLOSED' });
    // Surveys records the closing on the survey (workorder.closed.v1), once, even when replayed.
    const [closed] = await workOrders.waitFor((e) => e.type === 'workorder.closed.v1' && e.subject === id);
    const closedAt = (closed!.data as { occurredAt: string }).occurredAt;
    await eventually(async () => (await requestOf(id)).satisfaction?.requestClosedAt === closedAt, 30_000);
    await replay(closed!, TOPICS.workOrders, 'surveys.after-service');
    expect((await requestOf(id)).satisfaction).toMatchObject({
      state: 'COMPLETED',
      requestClosedAt: closedAt,
    });

    // The broker delivers the survey's completion again: nothing changes.
    const [completed] = await surveys.waitFor(
      (e) => e.type === 'survey.completed.v1' && e.subject === survey.id,
    );
    await replay(completed!, TOPICS.surveys, 'work-orders.survey-follow-ups');
    const after = await requestOf(id);
    expect(after.state).toBe('CLOSED');
    expect(after.timeline.filter((entry) => entry.to === 'FOLLOWED_UP')).toHaveLength(1);
    // One follow-up and one closing were published (the closing's copy above is the test's replay).
    const closings = workOrders.matching((e) => e.type === 'workorder.closed.v1' && e.subject === id);
    expect(new Set(closings.map((e) => e.id)).size).toBe(1);
    expect(
      workOrders.matching((e) => e.type === 'workorder.followed_up.v1' && e.subject === id),
    ).toHaveLength(1);
  });

  it('a score of 2 by phone is an unsatisfied follow-up: the request reopens', async () => {
    const { id, survey } = await awaitingFollowUp();
    await byPhone(survey, 2);
    const reopened = await eventually(async () => {
      const request = await requestOf(id);
      return request.state === 'REOPENED' ? request : undefined;
    }, 30_000);
    expect(reopened.followUp).toMatchObject({ result: 'UNSATISFIED' });
    expect(reopened.timeline.map((entry) => entry.to).slice(-2)).toEqual(['FOLLOWED_UP', 'REOPENED']);
  });
});
