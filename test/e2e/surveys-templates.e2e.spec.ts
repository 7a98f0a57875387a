import { describe, expect, it } from '@jest/globals';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { ANSWER, refusalOf, resolvedRepair, untilSurveyOpened, type SurveyView } from '../support/surveys.js';
import { registerStaff } from '../support/work-orders.js';

const TEMPLATE_FIELDS =
  'id propertyId name purpose anonymous currentVersion builtIn questions { id kind required options } versions { version questions { id } }';
const CREATE = /* GraphQL */ `
  mutation ($input: CreateSurveyTemplateInput!) { createSurveyTemplate(input: $input) { surveyTemplate { ${TEMPLATE_FIELDS} } } }
`;
const REVISE = /* GraphQL */ `
  mutation ($input: ReviseSurveyTemplateInput!) { reviseSurveyTemplate(input: $input) { surveyTemplate { ${TEMPLATE_FIELDS} } } }
`;
interface Template {
  id: string;
  currentVersion: number;
  builtIn: boolean;
  [field: string]: unknown;
}

describe('surveys: templates with versioned questions, through the gateway', () => {
  it('has the built-in post-service template without setup, company-wide', async () => {
    const desk = await tokenFor('FRONT_DESK', { properties: ['p-any'] });
    const { surveyTemplates } = await gqlOk<{ surveyTemplates: Template[] }>(
      `{ surveyTemplates { ${TEMPLATE_FIELDS} } }`,
      {},
      { token: desk },
    );
    expect(surveyTemplates.find((t) => t.builtIn)).toMatchObject({
      id: 'post-service-default',
      propertyId: null,
      purpose: 'POST_SERVICE',
      anonymous: false,
      currentVersion: 1,
      questions: [
        { id: 'overall', kind: 'SCORE', required: true, options: [] },
        { id: 'comment', kind: 'TEXT', required: false, options: [] },
      ],
    });
    const revise = await gql(
      REVISE,
      {
        input: { id: 'post-service-default', version: 1, questions: [{ id: 'x', kind: 'TEXT', text: 'x' }] },
      },
      { token: await tokenFor('GENERAL_MANAGER') },
    );
    expect(revise.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUILT_IN_TEMPLATE' });
  });

  it("a property's own template, revised, is what its next after-service survey asks; a choice answer must be an option", async () => {
    const propertyId = (await createProperty()).id;
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const residentId = (await registerResident(propertyId, 'Zhao Lei', '13711112222')).id;
    const resident = await tokenFor('RESIDENT', { residentId, properties: [] });

    const questions = [
      { id: 'overall', kind: 'SCORE', text: 'How satisfied are you overall?' },
      {
        id: 'punctual',
        kind: 'SINGLE_CHOICE',
        text: 'Did the technician come on time?',
        options: ['yes', 'no'],
      },
    ];
    const { createSurveyTemplate } = await gqlOk<{ createSurveyTemplate: { surveyTemplate: Template } }>(
      CREATE,
      { input: { propertyId, name: 'Repairs at this court', purpose: 'POST_SERVICE', questions } },
      { token: supervisor.token },
    );
    expect(createSurveyTemplate.surveyTemplate).toMatchObject({
      propertyId,
      currentVersion: 1,
      builtIn: false,
    });

    // Only general managers of every property write company-wide templates; desks write none.
    const companyWide = await gql(
      CREATE,
      { input: { propertyId: '*', name: 'x', purpose: 'GENERAL', questions } },
      { token: supervisor.token },
    );
    expect(errorCodes(companyWide)).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(
          CREATE,
          { input: { propertyId, name: 'x', purpose: 'GENERAL', questions } },
          { token: desk.token },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    // A post-service template without a score question is refused.
    const noScore = await gql(
      CREATE,
      { input: { propertyId, name: 'x', purpose: 'POST_SERVICE', questions: [questions[1]] } },
      { token: supervisor.token },
    );
    expect(noScore.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });

    const revised = await gqlOk<{ reviseSurveyTemplate: { surveyTemplate: Template } }>(
      REVISE,
      {
        input: {
          id: createSurveyTemplate.surveyTemplate.id,
          version: 1,
          questions: [
            ...questions,
            {
              id: 'liked',
              kind: 'MULTIPLE_CHOICE',
              text: 'What went well?',
              options: ['tidy', 'polite', 'quick'],
              required: false,
            },
          ],
        },
      },
      { token: supervisor.token },
    );
    expect(revised.reviseSurveyTemplate.surveyTemplate).toMatchObject({
      currentVersion: 2,
      versions: [
        { version: 1, questions: [{ id: 'overall' }, { id: 'punctual' }] },
        { version: 2, questions: [{ id: 'overall' }, { id: 'punctual' }, { id: 'liked' }] },
      ],
    });
    const stale = await gql(
      REVISE,
      { input: { id: createSurveyTemplate.surveyTemplate.id, version: 1, questions } },
      { token: supervisor.token },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_TEMPLATE_VERSION',
    });

    const helpRequestId = await resolvedRepair(propertyId, residentId, desk, tech);
    const survey = await untilSurveyOpened(helpRequestId, desk.token);
    expect(survey).toMatchObject({
      templateId: createSurveyTemplate.surveyTemplate.id,
      templateVersion: 2,
      questions: [
        { id: 'overall', kind: 'SCORE' },
        { id: 'punctual', kind: 'SINGLE_CHOICE' },
        { id: 'liked', kind: 'MULTIPLE_CHOICE', required: false },
      ],
    });

    const answer = (answers: unknown[]) => ({ input: { surveyId: survey.id, answers } });
    expect(
      await refusalOf(
        ANSWER,
        answer([
          { questionId: 'overall', score: 4 },
          { questionId: 'punctual', choice: 'maybe' },
        ]),
        resident,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ANSWER' });
    const { answerSurvey } = await gqlOk<{ answerSurvey: { survey: SurveyView } }>(
      ANSWER,
      answer([
        { questionId: 'liked', choices: ['quick', 'tidy'] },
        { questionId: 'punctual', choice: 'yes' },
        { questionId: 'overall', score: 4 },
      ]),
      { token: resident },
    );
    expect(answerSurvey.survey.response).toMatchObject({
      score: 4,
      satisfied: true,
      answers: [
        { questionId: 'overall', score: 4, choices: null, text: null },
        { questionId: 'punctual', score: null, choices: ['yes'] },
        { questionId: 'liked', choices: ['quick', 'tidy'] },
      ],
    });
  });
});
