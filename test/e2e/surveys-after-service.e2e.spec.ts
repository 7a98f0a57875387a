import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@courtyard/kernel';
import { EventTap, type TappedEvent } from '../support/events.js';
import { gqlOk, tokenFor } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import {
  ANSWER,
  KPI_FIELDS,
  RECORD_BY_PHONE,
  refusalOf,
  resolvedRepair,
  SURVEY_FIELDS,
  untilSurveyOpened,
  type SurveyView,
} from '../support/surveys.js';
import { registerStaff } from '../support/work-orders.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;
interface Kpi {
  surveys: number;
  responses: number;
  satisfied: number;
  satisfactionRate: number | null;
  averageScore: number | null;
  responseRate: number | null;
  meetsTarget: boolean | null;
  significant: boolean;
  target: number;
  minimumSample: number;
}

const kafka = new Kafka({
  clientId: 'surveys-e2e',
  brokers: process.env.KAFKA_BROKERS!.split(','),
  logLevel: logLevel.NOTHING,
});

/** Until the surveys consumer group has committed past `offset` on `partition`: it has processed it. */
async function untilSurveysConsumed(partition: number, offset: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const [topic] = await admin.fetchOffsets({
        groupId: 'surveys.after-service',
        topics: [TOPICS.workOrders],
      });
      const committed = topic?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      return BigInt(committed) > BigInt(offset);
    }, 30_000);
  } finally {
    await admin.disconnect();
  }
}

describe('surveys: satisfaction after service, through the gateway', () => {
  let workOrders: EventTap;
  let surveys: EventTap;
  let propertyId: string;
  let residentId: string;
  let resident: string;
  let desk: Staff;
  let tech: Staff;
  // A technician's figures are for supervisors and above (the grade assessment), not the desk.
  let supervisor: Staff;
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = new Date(Date.now() + 3600_000).toISOString();

  const figures = (helpRequestId: string) =>
    gqlOk<{
      helpRequest: {
        number: string;
        requester: { id: string; name: string };
        satisfaction: SurveyView | null;
        assignees: Array<{ id: string; name: string; satisfaction: Kpi | null }>;
      };
      property: { name: string; satisfaction: Kpi | null };
    }>(
      `query ($id: ID!, $propertyId: ID!, $from: DateTime!, $to: DateTime!) {
        helpRequest(id: $id) {
          number
          requester { id name }
          satisfaction { ${SURVEY_FIELDS} }
          assignees { id name satisfaction(from: $from, to: $to) { ${KPI_FIELDS} } }
        }
        property(id: $propertyId) { name satisfaction(from: $from, to: $to) { ${KPI_FIELDS} } }
      }`,
      { id: helpRequestId, propertyId, from, to },
      { token: supervisor.token },
    );

  beforeAll(async () => {
    [workOrders, surveys] = await Promise.all([
      EventTap.start(TOPICS.workOrders),
      EventTap.start(TOPICS.surveys),
    ]);
    propertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Chen Jing', '13755556666')).id;
    resident = await tokenFor('RESIDENT', { residentId, properties: [] });
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
    supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
  });
  afterAll(async () => {
    await Promise.all([workOrders.stop(), surveys.stop()]);
  });

  it('opens one survey for the requester (one, when the event is replayed); an answer of 5 moves the technician’s and the property’s figures', async () => {
    const helpRequestId = await resolvedRepair(propertyId, residentId, desk, tech);
    const survey = await untilSurveyOpened(helpRequestId, desk.token);
    expect(survey).toMatchObject({
      state: 'OPEN',
      purpose: 'POST_SERVICE',
      templateId: 'post-service-default',
      templateVersion: 1,
      category: 'WATER_LEAK',
      respondent: { id: residentId },
      technicians: [{ id: tech.id }],
      helpRequest: { id: helpRequestId },
      questions: [
        { id: 'overall', kind: 'SCORE', required: true },
        { id: 'comment', kind: 'TEXT', required: false },
      ],
      response: null,
    });

    // The broker delivers the resolution again (as after a crash before the offset commit).
    const [resolved] = (await workOrders.waitFor(
      (e) => e.type === 'workorder.resolved.v1' && e.subject === helpRequestId,
    )) as [TappedEvent];
    const { kafka: position, ...event } = resolved;
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({
      topic: TOPICS.workOrders,
      messages: [{ key: position.key, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    expect(sent?.partition).toBe(position.partition);
    await untilSurveysConsumed(sent!.partition, sent!.baseOffset!);

    const { surveys: list } = await gqlOk<{
      surveys: { totalCount: number; edges: Array<{ node: { id: string } }> };
    }>(
      `query ($p: ID!) { surveys(propertyId: $p) { totalCount edges { node { id } } } }`,
      { p: propertyId },
      { token: desk.token },
    );
    expect(list.totalCount).toBe(1);
    const opened = await surveys.waitFor((e) => e.type === 'survey.opened.v1' && e.subject === survey.id);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      propertyid: propertyId,
      data: {
        helpRequestId,
        respondentId: residentId,
        technicianIds: [tech.id],
        category: 'WATER_LEAK',
        // The service team whose trade the category is, as the survey stores it.
        team: 'ENGINEERING',
      },
    });

    // Before the answer: one survey, no response; the figures say so.
    const before = await figures(helpRequestId);
    expect(before.property.satisfaction).toMatchObject({
      surveys: 1,
      responses: 0,
      satisfactionRate: null,
      responseRate: 0,
    });
    expect(before.helpRequest.assignees[0]?.satisfaction).toMatchObject({ surveys: 1, responses: 0 });

    // The requester finds it among their own and answers 5.
    const { mySurveys } = await gqlOk<{
      mySurveys: { edges: Array<{ node: { id: string; state: string } }> };
    }>(`{ mySurveys { edges { node { id state } } } }`, {}, { token: resident });
    expect(mySurveys.edges.map((e) => e.node)).toEqual([{ id: survey.id, state: 'OPEN' }]);
    const { answerSurvey } = await gqlOk<{ answerSurvey: { survey: SurveyView } }>(
      ANSWER,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: 'overall', score: 5 },
            { questionId: 'comment', text: 'Quick, tidy, dry again' },
          ],
        },
      },
      { token: resident },
    );
    expect(answerSurvey.survey).toMatchObject({
      state: 'COMPLETED',
      response: { channel: 'RESIDENT', score: 5, satisfied: true, recordedById: null },
    });
    const completed = await surveys.waitFor(
      (e) => e.type === 'survey.completed.v1' && e.subject === survey.id,
    );
    expect(completed[0]?.data).toMatchObject({
      channel: 'RESIDENT',
      score: 5,
      satisfied: true,
      respondentId: residentId,
      measures: 'SATISFACTION',
    });

    // One query: the request, its resident, its survey, the technician's and the property's figures.
    const after = await figures(helpRequestId);
    expect(after.helpRequest).toMatchObject({
      requester: { id: residentId, name: 'Chen Jing' },
      satisfaction: { id: survey.id, state: 'COMPLETED', response: { score: 5 } },
      assignees: [
        { id: tech.id, satisfaction: { surveys: 1, responses: 1, satisfied: 1, satisfactionRate: 1 } },
      ],
    });
    expect(after.property.satisfaction).toEqual({
      surveys: 1,
      responses: 1,
      satisfied: 1,
      satisfactionRate: 1,
      averageScore: 5,
      responseRate: 1,
      target: 0.9,
      meetsTarget: true,
      minimumSample: 30,
      significant: false,
    });
    const { satisfactionKpi } = await gqlOk<{ satisfactionKpi: Kpi }>(
      `query ($p: ID!, $from: DateTime!, $to: DateTime!) {
        satisfactionKpi(propertyId: $p, from: $from, to: $to, category: "WATER_LEAK", technicianId: "${tech.id}") { ${KPI_FIELDS} }
      }`,
      { p: propertyId, from, to },
      { token: supervisor.token },
    );
    expect(satisfactionKpi).toMatchObject({ surveys: 1, responses: 1, averageScore: 5 });
  });

  it('refuses invalid answers with a stable reason and records nothing', async () => {
    const helpRequestId = await resolvedRepair(propertyId, residentId, desk, tech);
    const survey = await untilSurveyOpened(helpRequestId, desk.token);
    const answer = (answers: unknown[], token = resident) =>
      refusalOf(ANSWER, { input: { surveyId: survey.id, answers } }, token);
    const someoneElse = await tokenFor('RESIDENT', {
      residentId: (await registerResident(propertyId, 'Wang Fang', '13700001111')).id,
      properties: [],
    });

    expect(await answer([{ questionId: 'overall', score: 6 }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ANSWER',
      data: null,
    });
    expect(
      await answer([
        { questionId: 'overall', score: 5 },
        { questionId: 'colour', text: 'red' },
      ]),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_QUESTION',
    });
    expect(await answer([{ questionId: 'comment', text: 'no score' }])).toMatchObject({
      reason: 'MISSING_ANSWER',
    });
    expect(await answer([{ questionId: 'overall', score: 5 }], someoneElse)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SURVEY_NOT_FOUND',
    });
    expect(
      await refusalOf(`query ($id: ID!) { survey(id: $id) { id } }`, { id: survey.id }, someoneElse),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_NOT_FOUND' });
    const { mySurveys } = await gqlOk<{ mySurveys: { totalCount: number } }>(
      `{ mySurveys { totalCount } }`,
      {},
      { token: someoneElse },
    );
    expect(mySurveys.totalCount).toBe(0);

    // Nothing was recorded: still open, no response, no completion published.
    const unchanged = await gqlOk<{ survey: SurveyView }>(
      `query ($id: ID!) { survey(id: $id) { ${SURVEY_FIELDS} } }`,
      { id: survey.id },
      { token: resident },
    );
    expect(unchanged.survey).toMatchObject({ state: 'OPEN', response: null });

    // Once answered, a second answer is refused and the first stands.
    await gqlOk(
      ANSWER,
      { input: { surveyId: survey.id, answers: [{ questionId: 'overall', score: 2 }] } },
      { token: resident },
    );
    expect(await answer([{ questionId: 'overall', score: 5 }])).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_ALREADY_ANSWERED',
    });
    expect(
      await refusalOf(
        RECORD_BY_PHONE,
        { input: { surveyId: survey.id, answers: [{ questionId: 'overall', score: 5 }] } },
        desk.token,
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_ALREADY_ANSWERED' });
    const final = await gqlOk<{ survey: SurveyView }>(
      `query ($id: ID!) { survey(id: $id) { ${SURVEY_FIELDS} } }`,
      { id: survey.id },
      { token: desk.token },
    );
    expect(final.survey.response).toMatchObject({ channel: 'RESIDENT', score: 2, satisfied: false });
    expect(
      await surveys.waitFor((e) => e.type === 'survey.completed.v1' && e.subject === survey.id),
    ).toHaveLength(1);
  });

  it('records a phone follow-up (回访) as the response, on the resident’s behalf', async () => {
    const helpRequestId = await resolvedRepair(propertyId, residentId, desk, tech);
    const survey = await untilSurveyOpened(helpRequestId, desk.token);
    const { recordSurveyByPhone } = await gqlOk<{ recordSurveyByPhone: { survey: SurveyView } }>(
      RECORD_BY_PHONE,
      {
        input: {
          surveyId: survey.id,
          answers: [{ questionId: 'overall', score: 4 }],
          note: 'Called at 10:00',
        },
      },
      { token: desk.token },
    );
    expect(recordSurveyByPhone.survey).toMatchObject({
      state: 'COMPLETED',
      response: { channel: 'PHONE', score: 4, satisfied: true, recordedById: desk.id },
    });
    const [event] = await surveys.waitFor((e) => e.type === 'survey.completed.v1' && e.subject === survey.id);
    expect(event?.data).toMatchObject({ channel: 'PHONE', recordedById: desk.id, score: 4, satisfied: true });
    // The technician may not record it; the resident sees it as answered.
    const other = await resolvedRepair(propertyId, residentId, desk, tech);
    const next = await untilSurveyOpened(other, desk.token);
    expect(
      await refusalOf(
        RECORD_BY_PHONE,
        { input: { surveyId: next.id, answers: [{ questionId: 'overall', score: 5 }] } },
        tech.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const mine = await gqlOk<{ survey: SurveyView }>(
      `query ($id: ID!) { survey(id: $id) { state } }`,
      { id: survey.id },
      { token: resident },
    );
    expect(mine.survey.state).toBe('COMPLETED');
  });
});
