import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { AggregateWriter, TOPICS } from '@courtyard/kernel';
import { CampaignStore } from '../../services/surveys/src/repository/campaigns.repository.js';
import { SurveyExpiryStore } from '../../services/surveys/src/repository/expiry.repository.js';
import { HouseholdStore } from '../../services/surveys/src/repository/households.repository.js';
import { createModels, type SurveysModels } from '../../services/surveys/src/repository/models.js';
import { campaignScheduler } from '../../services/surveys/src/scheduler/campaign-scheduler.js';
import { EventTap } from '../support/events.js';
import { gqlOk, tokenFor } from '../support/graphql.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';
import { ANSWER, refusalOf } from '../support/surveys.js';
import { eventually } from '../support/subgraph.js';

const DAY = 24 * 60 * 60 * 1000;

const CREATE_TEMPLATE = /* GraphQL */ `
  mutation ($input: CreateSurveyTemplateInput!) {
    createSurveyTemplate(input: $input) {
      surveyTemplate {
        id
      }
    }
  }
`;
const CREATE_CAMPAIGN = /* GraphQL */ `
  mutation ($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        id
        state
        opensAt
        closesAt
        remindAt
        audience {
          allHouseholds
        }
      }
    }
  }
`;
const CAMPAIGN = /* GraphQL */ `
  query ($id: ID!) {
    campaign(id: $id) {
      id
      state
      kind
      remindersSent
      template {
        id
      }
      responses {
        invited
        answered
        rate
        byBuilding {
          buildingId
          invited
          answered
          rate
        }
      }
    }
  }
`;
const MY_SURVEYS = /* GraphQL */ `
  query {
    mySurveys {
      edges {
        node {
          id
          state
          campaignId
          questions {
            id
            theme
          }
          reminders {
            number
            sentAt
          }
        }
      }
    }
  }
`;
const NEEDS_RESULTS = /* GraphQL */ `
  query ($campaignId: ID!) {
    needsSurveyResults(campaignId: $campaignId) {
      campaignId
      responses
      themes {
        theme
        questions {
          questionId
          answered
          options {
            option
            count
          }
          texts
        }
      }
    }
  }
`;

interface CampaignView {
  id: string;
  state: string;
  remindersSent: number;
  responses: {
    invited: number;
    answered: number;
    rate: number | null;
    byBuilding: Array<{ buildingId: string | null; invited: number; answered: number; rate: number | null }>;
  };
}

interface Household {
  residentId: string;
  buildingId: string;
  token: string;
}

/**
 * Campaigns through the gateway: households moved in with the residents API reach surveys over
 * Kafka; the campaign scheduler is driven with the test's clock (two instances, as two service
 * replicas would) against the suite's surveys database, whose service relays what it wrote. Every
 * window lies in the future of the real clock, so the service's own scheduler leaves it alone.
 */
describe('surveys: campaigns (seed 003 half-yearly, seed 004 December needs) through the gateway', () => {
  let tap: EventTap;
  let connection: mongoose.Connection;
  let models: SurveysModels;
  let propertyId: string;
  let supervisor: string;
  let households: Household[];
  const instance = () => {
    const writer = new AggregateWriter(() => undefined);
    return campaignScheduler({
      campaigns: new CampaignStore(models, writer),
      households: new HouseholdStore(models, writer),
      expiry: new SurveyExpiryStore(models, writer),
    });
  };
  const campaign = async (id: string) =>
    (await gqlOk<{ campaign: CampaignView }>(CAMPAIGN, { id }, { token: supervisor })).campaign;
  const mySurveys = async (token: string, campaignId: string) =>
    (
      await gqlOk<{
        mySurveys: {
          edges: Array<{
            node: {
              id: string;
              state: string;
              campaignId: string | null;
              questions: unknown[];
              reminders: Array<{ number: number; sentAt: string }>;
            };
          }>;
        };
      }>(MY_SURVEYS, {}, { token })
    ).mySurveys.edges
      .map((e) => e.node)
      .filter((s) => s.campaignId === campaignId);

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.surveys);
    connection = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: 'surveys' }).asPromise();
    models = await createModels(connection);
    propertyId = (await createProperty()).id;
    supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    const east = (await createBuilding(propertyId, 'East')).id;
    const west = (await createBuilding(propertyId, 'West')).id;
    const homes = [
      { buildingId: east, number: '101', name: 'Li Wei', phone: '13900000001' },
      { buildingId: east, number: '102', name: 'Zhao Min', phone: '13900000002' },
      { buildingId: west, number: '201', name: 'Sun Hao', phone: '13900000003' },
    ];
    households = [];
    for (const home of homes) {
      const unit = await createUnit(home.buildingId, home.number);
      const residentId = (await registerResident(propertyId, home.name, home.phone)).id;
      await moveIn(unit.id, residentId);
      households.push({
        residentId,
        buildingId: home.buildingId,
        token: await tokenFor('RESIDENT', { residentId, properties: [] }),
      });
    }
    // Surveys learns of the move-ins (and the units' buildings) from residents.events.
    await eventually(async () => {
      const occupied = await new HouseholdStore(models, new AggregateWriter(() => undefined)).occupied(
        propertyId,
      );
      return occupied.length === 3 && occupied.every((h) => h.buildingId !== null);
    });
  });
  afterAll(async () => {
    await tap.stop();
    await connection.close();
  });

  it('opens one survey per household, reminds only those who have not answered, closes with the response rate', async () => {
    const { createSurveyTemplate } = await gqlOk<{
      createSurveyTemplate: { surveyTemplate: { id: string } };
    }>(
      CREATE_TEMPLATE,
      {
        input: {
          propertyId,
          name: 'Half-yearly satisfaction',
          purpose: 'GENERAL',
          questions: [
            { id: 'overall', kind: 'SCORE', text: 'How satisfied are you with our service?' },
            { id: 'comment', kind: 'TEXT', text: 'What should we do better?', required: false },
          ],
        },
      },
      { token: supervisor },
    );
    const now = Date.now();
    const opensAt = new Date(now + 10 * DAY);
    const remindAt = new Date(now + 20 * DAY);
    const closesAt = new Date(now + 31 * DAY);
    const { createCampaign } = await gqlOk<{ createCampaign: { campaign: { id: string; state: string } } }>(
      CREATE_CAMPAIGN,
      {
        input: {
          propertyId,
          kind: 'SATISFACTION',
          name: 'First half',
          templateId: createSurveyTemplate.surveyTemplate.id,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          remindAt: [remindAt.toISOString()],
        },
      },
      { token: supervisor },
    );
    const id = createCampaign.campaign.id;
    expect(createCampaign.campaign.state).toBe('SCHEDULED');
    // A technician may not run campaigns.
    const tech = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    expect(
      await refusalOf(
        `mutation ($input: StartCampaignInput!) { startCampaign(input: $input) { campaign { id } } }`,
        { input: { id } },
        tech,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    // Before opensAt nothing happens; at opensAt two instances tick at once, then one again.
    await instance().tick(new Date(opensAt.getTime() - 1000));
    expect((await campaign(id)).state).toBe('SCHEDULED');
    await Promise.all([instance().tick(opensAt), instance().tick(opensAt)]);
    await instance().tick(opensAt);
    expect(await campaign(id)).toMatchObject({
      state: 'STARTED',
      responses: { invited: 3, answered: 0, rate: 0 },
    });

    // Each household's respondent has exactly one survey of the campaign.
    const surveys = await Promise.all(households.map((h) => mySurveys(h.token, id)));
    expect(surveys.map((s) => s.length)).toEqual([1, 1, 1]);
    const [first, second] = surveys.map((s) => s[0]!);

    // A resident answers only their own campaign survey.
    const answer = (surveyId: string) => ({
      input: { surveyId, answers: [{ questionId: 'overall', score: 5 }] },
    });
    expect(await refusalOf(ANSWER, answer(first!.id), households[1]!.token)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SURVEY_NOT_FOUND',
    });
    await gqlOk(ANSWER, answer(first!.id), { token: households[0]!.token });

    // The reminder goes to the two who have not answered, once, however often the scheduler ticks.
    await Promise.all([instance().tick(remindAt), instance().tick(remindAt)]);
    await instance().tick(new Date(remindAt.getTime() + DAY));
    const reminded = await tap.waitFor((e) => e.type === 'campaign.reminder_sent.v1' && e.subject === id, 2);
    expect(reminded.map((e) => (e.data as { respondentId: string }).respondentId).sort()).toEqual(
      [households[1]!.residentId, households[2]!.residentId].sort(),
    );
    expect((await campaign(id)).remindersSent).toBe(1);
    // Each reminded resident reads it on their own survey; the one who answered was not reminded.
    const remindersRead = await Promise.all(
      households.map(async (h) => (await mySurveys(h.token, id))[0]!.reminders),
    );
    expect(remindersRead).toEqual([
      [],
      [{ number: 1, sentAt: remindAt.toISOString() }],
      [{ number: 1, sentAt: remindAt.toISOString() }],
    ]);

    // At the window's end: unanswered surveys expire, the campaign closes with 1 of 3.
    await Promise.all([instance().tick(closesAt), instance().tick(closesAt)]);
    await instance().tick(new Date(closesAt.getTime() + DAY));
    const closed = await campaign(id);
    expect(closed.state).toBe('CLOSED');
    expect(closed.responses).toMatchObject({ invited: 3, answered: 1 });
    expect(closed.responses.rate).toBeCloseTo(1 / 3);
    expect(closed.responses.byBuilding).toEqual(
      expect.arrayContaining([
        { buildingId: households[0]!.buildingId, invited: 2, answered: 1, rate: 0.5 },
        { buildingId: households[2]!.buildingId, invited: 1, answered: 0, rate: 0 },
      ]),
    );
    expect((await mySurveys(households[1]!.token, id))[0]!.state).toBe('EXPIRED');
    expect(await refusalOf(ANSWER, answer(second!.id), households[1]!.token)).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_EXPIRED',
    });

    const [closedEvent] = await tap.waitFor((e) => e.type === 'campaign.closed.v1' && e.subject === id);
    expect(closedEvent).toMatchObject({
      propertyid: propertyId,
      data: { campaignId: id, invited: 3, answered: 1, kind: 'SATISFACTION' },
    });
    await tap.waitFor((e) => e.type === 'campaign.started.v1' && e.subject === id);
    await tap.waitFor(
      (e) => e.type === 'survey.expired.v1' && [second!.id, surveys[2]![0]!.id].includes(e.subject ?? ''),
      2,
    );
    // Once each, after every tick's writes have been relayed.
    expect(tap.matching((e) => e.type === 'campaign.started.v1' && e.subject === id)).toHaveLength(1);
    expect(tap.matching((e) => e.type === 'campaign.closed.v1' && e.subject === id)).toHaveLength(1);
    expect(tap.matching((e) => e.type === 'campaign.reminder_sent.v1' && e.subject === id)).toHaveLength(2);
    expect(
      tap.matching(
        (e) => e.type === 'survey.opened.v1' && (e.data as { campaignId?: string }).campaignId === id,
      ),
    ).toHaveLength(3);
  });

  it("a December needs survey's answers come back grouped by theme, without who gave them", async () => {
    const { createSurveyTemplate } = await gqlOk<{
      createSurveyTemplate: { surveyTemplate: { id: string } };
    }>(
      CREATE_TEMPLATE,
      {
        input: {
          propertyId,
          name: 'Needs for next year',
          purpose: 'GENERAL',
          anonymous: true,
          questions: [
            {
              id: 'cleaning',
              kind: 'SINGLE_CHOICE',
              text: 'How often should the stairwells be cleaned?',
              options: ['daily', 'twice a week'],
              theme: 'CLEANING',
            },
            {
              id: 'activities',
              kind: 'MULTIPLE_CHOICE',
              text: 'Which community activities would you join?',
              options: ['festival', 'sports day', 'kids club'],
              theme: 'COMMUNITY_CULTURE',
            },
            {
              id: 'greenery',
              kind: 'TEXT',
              text: 'What would you change in the gardens?',
              required: false,
              theme: 'LANDSCAPING',
            },
          ],
        },
      },
      { token: supervisor },
    );
    // Next December, in the real clock's future.
    const year = new Date().getUTCFullYear() + 1;
    const opensAt = new Date(Date.UTC(year, 11, 1));
    const closesAt = new Date(Date.UTC(year, 11, 31));
    const { createCampaign } = await gqlOk<{ createCampaign: { campaign: { id: string } } }>(
      CREATE_CAMPAIGN,
      {
        input: {
          propertyId,
          kind: 'NEEDS',
          name: `Needs ${year + 1}`,
          templateId: createSurveyTemplate.surveyTemplate.id,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
        },
      },
      { token: supervisor },
    );
    const id = createCampaign.campaign.id;
    await instance().tick(opensAt);
    const surveys = await Promise.all(households.map((h) => mySurveys(h.token, id)));
    expect(surveys.map((s) => s.length)).toEqual([1, 1, 1]);
    const answers = [
      [
        { questionId: 'cleaning', choice: 'daily' },
        { questionId: 'activities', choices: ['festival', 'kids club'] },
        { questionId: 'greenery', text: 'More benches, call me on 139 0000 0001' },
      ],
      [
        { questionId: 'cleaning', choice: 'daily' },
        { questionId: 'activities', choices: ['festival'] },
      ],
    ];
    for (const [index, given] of answers.entries()) {
      await gqlOk(
        ANSWER,
        { input: { surveyId: surveys[index]![0]!.id, answers: given } },
        { token: households[index]!.token },
      );
    }
    const { needsSurveyResults } = await gqlOk<{ needsSurveyResults: unknown }>(
      NEEDS_RESULTS,
      { campaignId: id },
      { token: supervisor },
    );
    expect(needsSurveyResults).toEqual({
      campaignId: id,
      responses: 2,
      themes: [
        {
          theme: 'CLEANING',
          questions: [
            {
              questionId: 'cleaning',
              answered: 2,
              options: [
                { option: 'daily', count: 2 },
                { option: 'twice a week', count: 0 },
              ],
              texts: [],
            },
          ],
        },
        {
          theme: 'COMMUNITY_CULTURE',
          questions: [
            {
              questionId: 'activities',
              answered: 2,
              options: [
                { option: 'festival', count: 2 },
                { option: 'sports day', count: 0 },
                { option: 'kids club', count: 1 },
              ],
              texts: [],
            },
          ],
        },
        {
          theme: 'LANDSCAPING',
          questions: [
            { questionId: 'greenery', answered: 1, options: [], texts: ['More benches, call me on •••'] },
          ],
        },
      ],
    });
    // Residents do not read the results.
    expect(await refusalOf(NEEDS_RESULTS, { campaignId: id }, households[0]!.token)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
