import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gqlOk, tokenFor } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { ANSWER, refusalOf, resolvedRepair, untilSurveyOpened } from '../support/surveys.js';
import { registerStaff } from '../support/work-orders.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;
interface Kpi {
  periodKind: string;
  period: string;
  surveys: number;
  responses: number;
  satisfied: number;
  satisfactionRate: number | null;
  averageScore: number | null;
  responseRate: number | null;
  meetsTarget: boolean | null;
  gapToTarget: number | null;
  minimumSample: number;
  significant: boolean;
  trend: {
    direction: string;
    significant: boolean;
    satisfactionRateChange: number | null;
    previous: { period: string; surveys: number; responses: number };
  } | null;
}

const KPI = `periodKind period surveys responses satisfied satisfactionRate averageScore responseRate
  meetsTarget gapToTarget minimumSample significant
  trend { direction significant satisfactionRateChange previous { period surveys responses } }`;

const PUBLISHED = `id propertyId periodKind period from to target minimumSample publishedAt
  overall { key surveys responses satisfied satisfactionRate averageScore responseRate significant }
  byCategory { key surveys responses satisfied satisfactionRate averageScore responseRate significant }
  byTeam { key surveys responses satisfied satisfactionRate averageScore responseRate significant }`;

const PUBLISH = `mutation ($input: PublishSatisfactionResultsInput!) {
  publishSatisfactionResults(input: $input) { results { ${PUBLISHED} } }
}`;

/** This month in the reporting zone (KPI_TIME_ZONE, Asia/Shanghai by default), as `YYYY-MM`. */
const shanghaiMonth = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(at)
    .slice(0, 7);

describe('surveys: satisfaction KPIs and published results, through the gateway', () => {
  let surveys: EventTap;
  let propertyId: string;
  let otherPropertyId: string;
  let residentId: string;
  let resident: string;
  let neighbour: string;
  let desk: Staff;
  let tech: Staff;
  let supervisor: Staff;
  let director: Staff;
  let helpRequestId: string;
  const from = new Date(Date.now() - 3600_000).toISOString();

  /** One query: the request, its resident, its survey, the technician's and the property's figures. */
  const figures = (token: string, to: string) =>
    gqlOk<{
      helpRequest: {
        number: string;
        requester: { id: string; name: string };
        satisfaction: { id: string; state: string } | null;
        assignees: Array<{ id: string; satisfaction: Kpi | null }>;
      };
      property: { name: string; engineering: Kpi | null; month: Kpi | null };
    }>(
      `query ($id: ID!, $propertyId: ID!, $from: DateTime!, $to: DateTime!, $month: String!) {
        helpRequest(id: $id) {
          number
          requester { id name }
          satisfaction { id state }
          assignees { id satisfaction(from: $from, to: $to) { ${KPI} } }
        }
        property(id: $propertyId) {
          name
          engineering: satisfaction(from: $from, to: $to, team: ENGINEERING) { ${KPI} }
          month: satisfaction(period: $month) { ${KPI} }
        }
      }`,
      { id: helpRequestId, propertyId, from, to, month: shanghaiMonth(new Date()) },
      { token },
    );

  beforeAll(async () => {
    surveys = await EventTap.start(TOPICS.surveys);
    otherPropertyId = (await createProperty()).id;
    const neighbourId = (await registerResident(otherPropertyId, 'Zhao Lei', '13711112222')).id;
    neighbour = await tokenFor('RESIDENT', { residentId: neighbourId, properties: [] });
    propertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Liu Yang', '13799998888')).id;
    resident = await tokenFor('RESIDENT', { residentId, properties: [] });
    [desk, tech, supervisor, director] = await Promise.all([
      registerStaff(propertyId, 'FRONT_DESK'),
      registerStaff(propertyId, 'TECHNICIAN'),
      registerStaff(propertyId, 'SERVICE_SUPERVISOR'),
      registerStaff(propertyId, 'OFFICE_DIRECTOR'),
    ]);
  });
  afterAll(async () => {
    await surveys.stop();
  });

  it("a repair resolved and answered 5 moves the technician's and the property's figures, read in one query with the request and the resident", async () => {
    helpRequestId = await resolvedRepair(propertyId, residentId, desk, tech);
    const survey = await untilSurveyOpened(helpRequestId, desk.token);

    const before = await figures(supervisor.token, new Date(Date.now() + 60_000).toISOString());
    expect(before.helpRequest.assignees).toEqual([
      {
        id: tech.id,
        satisfaction: expect.objectContaining({ surveys: 1, responses: 0, satisfactionRate: null }),
      },
    ]);
    expect(before.property.engineering).toMatchObject({ surveys: 1, responses: 0, responseRate: 0 });

    await gqlOk(
      ANSWER,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: 'overall', score: 5 },
            { questionId: 'comment', text: 'Mr Wang fixed it in an hour' },
          ],
        },
      },
      { token: resident },
    );

    const after = await figures(supervisor.token, new Date(Date.now() + 60_000).toISOString());
    expect(after.helpRequest).toMatchObject({
      requester: { id: residentId, name: 'Liu Yang' },
      satisfaction: { id: survey.id, state: 'COMPLETED' },
    });
    const one = {
      surveys: 1,
      responses: 1,
      satisfied: 1,
      satisfactionRate: 1,
      averageScore: 5,
      responseRate: 1,
      meetsTarget: true,
      minimumSample: 30,
      // One response of the 30 the figures need: shown, but marked not significant.
      significant: false,
    };
    const [assignee] = after.helpRequest.assignees;
    expect(assignee).toMatchObject({ id: tech.id, satisfaction: { ...one, periodKind: 'RANGE' } });
    expect(assignee?.satisfaction?.gapToTarget).toBeCloseTo(0.1, 10);
    // The hour before had no survey: no rate to compare with, so the direction is unknown.
    expect(assignee?.satisfaction?.trend).toMatchObject({
      direction: 'UNKNOWN',
      significant: false,
      satisfactionRateChange: null,
      previous: { surveys: 0, responses: 0 },
    });
    expect(after.property.engineering).toMatchObject(one);
    const month = shanghaiMonth(new Date());
    expect(after.property.month).toMatchObject({ ...one, periodKind: 'MONTH', period: month });
    expect(after.property.month?.trend?.previous.period).not.toBe(month);

    // The same through satisfactionKpi, for the team and the technician; a team without surveys has none.
    const { team, technician, care } = await gqlOk<{ team: Kpi; technician: Kpi; care: Kpi }>(
      `query ($p: ID!, $month: String!, $tech: ID!) {
        team: satisfactionKpi(propertyId: $p, period: $month, team: ENGINEERING) { ${KPI} }
        technician: satisfactionKpi(propertyId: $p, period: $month, technicianId: $tech, category: "WATER_LEAK") { ${KPI} }
        care: satisfactionKpi(propertyId: $p, period: $month, team: CARE) { ${KPI} }
      }`,
      { p: propertyId, month, tech: tech.id },
      { token: supervisor.token },
    );
    expect(team).toMatchObject(one);
    expect(technician).toMatchObject(one);
    expect(care).toMatchObject({ surveys: 0, responses: 0, satisfactionRate: null, significant: false });
  });

  it("shows a technician's figures to supervisors and the technician, not to the front desk", async () => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const deskView = await figures(desk.token, to);
    expect(deskView.helpRequest.assignees).toEqual([{ id: tech.id, satisfaction: null }]);
    // The property's figures are the whole office's.
    expect(deskView.property.engineering).toMatchObject({ responses: 1 });
    const own = await figures(tech.token, to);
    expect(own.helpRequest.assignees[0]?.satisfaction).toMatchObject({ responses: 1 });
    expect(
      await refusalOf(
        `query ($p: ID!, $t: ID!) { satisfactionKpi(propertyId: $p, period: "2026", technicianId: $t) { responses } }`,
        { p: propertyId, t: tech.id },
        desk.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'TECHNICIAN_FIGURES_NOT_ALLOWED', data: null });
    expect(
      await refusalOf(
        `query ($p: ID!) { satisfactionKpi(propertyId: $p, period: "2026-13") { responses } }`,
        { p: propertyId },
        desk.token,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PERIOD' });
  });

  it('publishes the results to the residents of the property, once, without personal data; a resident of another property reads none', async () => {
    const to = new Date().toISOString();
    const { publishSatisfactionResults } = await gqlOk<{
      publishSatisfactionResults: { results: { id: string; overall: object } };
    }>(PUBLISH, { input: { propertyId, from, to } }, { token: director.token });
    const published = publishSatisfactionResults.results;
    expect(published.overall).toMatchObject({
      key: null,
      surveys: 1,
      responses: 1,
      satisfied: 1,
      significant: false,
    });

    expect(await refusalOf(PUBLISH, { input: { propertyId, from, to } }, director.token)).toMatchObject({
      code: 'CONFLICT',
      reason: 'RESULTS_ALREADY_PUBLISHED',
      data: null,
    });
    expect(
      await refusalOf(PUBLISH, { input: { propertyId, period: shanghaiMonth(new Date()) } }, director.token),
    ).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_NOT_ENDED' });
    expect(await refusalOf(PUBLISH, { input: { propertyId, from, to } }, supervisor.token)).toMatchObject({
      code: 'FORBIDDEN',
    });

    const [event] = await surveys.waitFor(
      (e) => e.type === 'satisfaction_results.published.v1' && e.subject === published.id,
    );
    expect(event).toMatchObject({
      propertyid: propertyId,
      data: {
        propertyId,
        periodKind: 'RANGE',
        overall: { surveys: 1, responses: 1, satisfied: 1 },
        byCategory: [{ key: 'WATER_LEAK', responses: 1 }],
        byTeam: [{ key: 'ENGINEERING', responses: 1 }],
      },
    });

    // The resident of the property reads them once surveys has heard where they live.
    const query = `query ($p: ID!) { publishedSatisfactionResults(propertyId: $p) { ${PUBLISHED} } }`;
    const mine = await eventually(async () => {
      const { publishedSatisfactionResults } = await gqlOk<{
        publishedSatisfactionResults: Array<Record<string, unknown>>;
      }>(query, { p: propertyId }, { token: resident });
      return publishedSatisfactionResults.length > 0 ? publishedSatisfactionResults : undefined;
    }, 30_000);
    expect(mine).toEqual([
      expect.objectContaining({
        id: published.id,
        propertyId,
        periodKind: 'RANGE',
        target: 0.9,
        minimumSample: 30,
        overall: expect.objectContaining({ responses: 1, satisfactionRate: 1, significant: false }),
        byCategory: [expect.objectContaining({ key: 'WATER_LEAK', responses: 1 })],
        byTeam: [expect.objectContaining({ key: 'ENGINEERING', responses: 1 })],
      }),
    ]);
    // No personal data: neither who answered, nor who did the work or recorded it, nor what was said.
    const shown = JSON.stringify([mine, event?.data]);
    for (const personal of [residentId, 'Liu Yang', tech.id, desk.id, director.id, 'Mr Wang'])
      expect(shown).not.toContain(personal);

    // A resident of another property reads none (once surveys knows where they live, still none).
    const { publishedSatisfactionResults: theirs } = await gqlOk<{
      publishedSatisfactionResults: unknown[];
    }>(query, { p: propertyId }, { token: neighbour });
    expect(theirs).toEqual([]);
    const { publishedSatisfactionResults: otherStaff } = await gqlOk<{
      publishedSatisfactionResults: unknown[];
    }>(
      query,
      { p: propertyId },
      { token: await tokenFor('OFFICE_DIRECTOR', { properties: [otherPropertyId] }) },
    );
    expect(otherStaff).toEqual([]);
  });
});
