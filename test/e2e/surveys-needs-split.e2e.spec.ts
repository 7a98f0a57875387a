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
import { ANSWER, KPI_FIELDS } from '../support/surveys.js';
import { eventually } from '../support/subgraph.js';

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
          campaignId
        }
      }
    }
  }
`;
const FIGURES = /* GraphQL */ `
  query ($p: ID!, $period: String!, $campaignId: ID!) {
    satisfactionKpi(propertyId: $p, period: $period) { ${KPI_FIELDS} }
    property(id: $p) { satisfaction(period: $period) { ${KPI_FIELDS} } }
    campaign(id: $campaignId) { responses { invited answered } }
  }
`;
const NEEDS_RESULTS = /* GraphQL */ `
  query ($campaignId: ID!) {
    needsSurveyResults(campaignId: $campaignId) {
      responses
      themes {
        theme
        questions {
          questionId
          answered
          averageScore
          options {
            option
            count
          }
        }
      }
    }
  }
`;

/**
 * Issue 22: the December needs survey is not a satisfaction survey. Its answers (a score among
 * them) reach `needsSurveyResults`, and change neither the satisfaction rate nor the response
 * rate of the property's figures for the month it runs in, read through the gateway.
 */
describe('surveys: a needs survey is left out of the satisfaction figures', () => {
  let tap: EventTap;
  let connection: mongoose.Connection;
  let models: SurveysModels;
  let propertyId: string;
  let supervisor: string;
  let residents: string[];
  const tick = (at: Date) => {
    const writer = new AggregateWriter(() => undefined);
    return campaignScheduler({
      campaigns: new CampaignStore(models, writer),
      households: new HouseholdStore(models, writer),
      expiry: new SurveyExpiryStore(models, writer),
    }).tick(at);
  };
  const template = async (name: string, questions: unknown[]) =>
    (
      await gqlOk<{ createSurveyTemplate: { surveyTemplate: { id: string } } }>(
        CREATE_TEMPLATE,
        { input: { propertyId, name, purpose: 'GENERAL', questions } },
        { token: supervisor },
      )
    ).createSurveyTemplate.surveyTemplate.id;
  const campaign = async (kind: string, templateId: string, opensAt: Date, closesAt: Date) =>
    (
      await gqlOk<{ createCampaign: { campaign: { id: string } } }>(
        CREATE_CAMPAIGN,
        {
          input: {
            propertyId,
            kind,
            name: `${kind} ${opensAt.getUTCFullYear()}`,
            templateId,
            opensAt: opensAt.toISOString(),
            closesAt: closesAt.toISOString(),
          },
        },
        { token: supervisor },
      )
    ).createCampaign.campaign.id;
  /** Each resident's survey of the campaign (one each: every household is asked). */
  const surveysOf = async (campaignId: string) =>
    Promise.all(
      residents.map(async (residentId) => {
        const token = await tokenFor('RESIDENT', { residentId, properties: [] });
        const { mySurveys } = await gqlOk<{
          mySurveys: { edges: Array<{ node: { id: string; campaignId: string | null } }> };
        }>(MY_SURVEYS, {}, { token });
        const [survey] = mySurveys.edges.map((e) => e.node).filter((s) => s.campaignId === campaignId);
        return { id: survey!.id, token };
      }),
    );

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.surveys);
    connection = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: 'surveys' }).asPromise();
    models = await createModels(connection);
    propertyId = (await createProperty()).id;
    supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    const building = (await createBuilding(propertyId, 'North')).id;
    residents = [];
    for (const [i, name] of ['Wu Fang', 'Qian Lei', 'Zhou Yan'].entries()) {
      const unit = await createUnit(building, `30${i + 1}`);
      const residentId = (await registerResident(propertyId, name, `1370000000${i + 1}`)).id;
      await moveIn(unit.id, residentId);
      residents.push(residentId);
    }
    await eventually(async () => {
      const occupied = await new HouseholdStore(models, new AggregateWriter(() => undefined)).occupied(
        propertyId,
      );
      return occupied.length === 3;
    });
  });
  afterAll(async () => {
    await tap.stop();
    await connection.close();
  });

  it("a needs survey's answers show in needsSurveyResults and leave the month's satisfaction and response rates as they were", async () => {
    // Next December (in the real clock's future, so the service's own scheduler leaves it alone).
    const year = new Date().getUTCFullYear() + 1;
    const period = `${year}-12`;
    const satisfactionTemplate = await template('Half-yearly satisfaction', [
      { id: 'overall', kind: 'SCORE', text: 'How satisfied are you with our service?' },
    ]);
    const satisfaction = await campaign(
      'SATISFACTION',
      satisfactionTemplate,
      new Date(Date.UTC(year, 11, 1)),
      new Date(Date.UTC(year, 11, 20)),
    );
    await tick(new Date(Date.UTC(year, 11, 1)));
    const asked = await surveysOf(satisfaction);
    const answer = (survey: { id: string; token: string }, answers: unknown[]) =>
      gqlOk(ANSWER, { input: { surveyId: survey.id, answers } }, { token: survey.token });
    await answer(asked[0]!, [{ questionId: 'overall', score: 5 }]);
    await answer(asked[1]!, [{ questionId: 'overall', score: 3 }]);

    const figures = () =>
      gqlOk<{
        satisfactionKpi: Record<string, unknown>;
        property: { satisfaction: Record<string, unknown> };
        campaign: { responses: { invited: number; answered: number } };
      }>(FIGURES, { p: propertyId, period, campaignId: satisfaction }, { token: supervisor });
    const before = await figures();
    // Three households asked, two answered, one of them satisfied.
    expect(before.satisfactionKpi).toMatchObject({
      surveys: 3,
      responses: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
      averageScore: 4,
    });
    expect(before.satisfactionKpi.responseRate).toBeCloseTo(2 / 3);

    // The December needs survey of the same month: every household asked, scores of 1 among the answers.
    const needsTemplate = await template('Needs for next year', [
      { id: 'stairs', kind: 'SCORE', text: 'How clean are the stairwells?', theme: 'CLEANING' },
      {
        id: 'parking',
        kind: 'SINGLE_CHOICE',
        text: 'Do you need a charging point?',
        options: ['yes', 'no'],
        theme: 'VEHICLES_AND_PARKING',
      },
    ]);
    const needs = await campaign(
      'NEEDS',
      needsTemplate,
      new Date(Date.UTC(year, 11, 2)),
      new Date(Date.UTC(year, 11, 30)),
    );
    await tick(new Date(Date.UTC(year, 11, 2)));
    const needsSurveys = await surveysOf(needs);
    await answer(needsSurveys[0]!, [
      { questionId: 'stairs', score: 1 },
      { questionId: 'parking', choice: 'yes' },
    ]);
    await answer(needsSurveys[1]!, [
      { questionId: 'stairs', score: 2 },
      { questionId: 'parking', choice: 'yes' },
    ]);

    // The needs answers are there, by theme…
    const { needsSurveyResults } = await gqlOk<{ needsSurveyResults: unknown }>(
      NEEDS_RESULTS,
      { campaignId: needs },
      { token: supervisor },
    );
    expect(needsSurveyResults).toEqual({
      responses: 2,
      themes: [
        {
          theme: 'CLEANING',
          questions: [{ questionId: 'stairs', answered: 2, averageScore: 1.5, options: [] }],
        },
        {
          theme: 'VEHICLES_AND_PARKING',
          questions: [
            {
              questionId: 'parking',
              answered: 2,
              averageScore: null,
              options: [
                { option: 'yes', count: 2 },
                { option: 'no', count: 0 },
              ],
            },
          ],
        },
      ],
    });
    // …and the month's figures are exactly as before: three more surveys opened and two more
    // scores would have made them 6 opened, 4 responses, a rate of 0.25.
    const after = await figures();
    expect(after.satisfactionKpi).toEqual(before.satisfactionKpi);
    expect(after.property.satisfaction).toEqual(before.satisfactionKpi);
    expect(after.campaign.responses).toEqual({ invited: 3, answered: 2 });
    // Readers of the events can tell them apart too (analytics folds satisfaction from them).
    const measuresOf = async (surveyId: string) =>
      (
        (await tap.waitFor((e) => e.type === 'survey.completed.v1' && e.subject === surveyId))[0]!.data as {
          measures: string;
        }
      ).measures;
    expect(await measuresOf(needsSurveys[0]!.id)).toBe('NEEDS');
    expect(await measuresOf(asked[0]!.id)).toBe('SATISFACTION');
  });
});
