import { describe, expect, it } from '@jest/globals';
import { modelPolicyChecks } from '../../../../test/support/model-policy.js';
import type {
  CallBackRecord,
  CallBackScheduleRecord,
  CampaignRecord,
  HouseholdRecord,
  PublishedResultsRecord,
  ResidentOfPropertyRecord,
  SurveyRecord,
  UnitRecord,
  SurveyTemplateRecord,
} from '../domain/records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../domain/templates.js';
import { SURVEYS_SCHEMAS } from './models.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const at = new Date('2026-11-23T02:00:00Z');

const questions = [
  { id: 'overall', kind: 'SCORE', text: 'Overall?', required: true, options: [] },
  {
    id: 'what',
    kind: 'MULTIPLE_CHOICE',
    text: 'What went well?',
    required: false,
    options: ['speed', 'tidiness'],
  },
  { id: 'which', kind: 'SINGLE_CHOICE', text: 'Which visit?', required: false, options: ['first', 'second'] },
  { id: 'comment', kind: 'TEXT', text: 'Anything else?', required: false, options: [], theme: 'OTHER' },
] satisfies SurveyRecord['questions'];

const figures = {
  from: at,
  to: at,
  surveys: 40,
  responses: 31,
  satisfied: 27,
  satisfactionRate: 27 / 31,
  averageScore: 4.2,
  responseRate: 31 / 40,
  target: 0.9,
  meetsTarget: false,
  gapToTarget: 27 / 31 - 0.9,
  minimumSample: 30,
  significant: true,
};

// Typed as the record, so a field added to the record and not here fails type-checking, and a
// field here the schema does not declare fails the strict check below.
const records = {
  Survey: {
    _id: 'satisfaction-h1',
    version: 2,
    createdAt: at,
    outbox: [],
    causedBy: ['e1'],
    propertyId: 'p1',
    purpose: 'POST_SERVICE',
    measures: 'SATISFACTION',
    templateId: 'post-service-default',
    templateVersion: 1,
    anonymous: false,
    questions,
    respondentId: 'r1',
    helpRequestId: 'h1',
    category: 'WATER_LEAK',
    ownerId: 'desk-1',
    team: 'ENGINEERING',
    technicianIds: ['tech-1'],
    state: 'COMPLETED',
    openedAt: at,
    expiresAt: at,
    response: {
      channel: 'PHONE',
      answers: [
        { questionId: 'overall', kind: 'SCORE', score: 5 },
        { questionId: 'what', kind: 'MULTIPLE_CHOICE', choices: ['speed', 'tidiness'] },
        { questionId: 'which', kind: 'SINGLE_CHOICE', choices: ['first'] },
        { questionId: 'comment', kind: 'TEXT', text: 'Quick and tidy' },
      ],
      score: 5,
      recordedById: 'desk-1',
      note: 'Called at 10:00',
      at,
    },
    requestClosedAt: at,
    campaignId: 'c1',
    campaignKind: 'SATISFACTION',
    householdId: 'hh1',
    buildingId: 'b1',
  } satisfies SurveyRecord & { outbox: unknown[]; causedBy: string[] },
  SurveyTemplate: {
    ...DEFAULT_POST_SERVICE_TEMPLATE,
    _id: 't1',
    propertyId: 'p1',
    outbox: [],
    versions: [{ version: 1, questions, publishedAt: at, publishedById: 'sup-1' }],
  } satisfies SurveyTemplateRecord & { outbox: unknown[] },
  CallBackSchedule: {
    _id: 'p1',
    version: 3,
    createdAt: at,
    outbox: [],
    causedBy: ['e2'],
    name: 'Garden Court',
    handoverAt: at,
    handoverSource: 'SET_BY_STAFF',
    nextDueAt: at,
  } satisfies CallBackScheduleRecord & { outbox: unknown[]; causedBy: string[] },
  CallBack: {
    _id: 'callback-p1-1-3',
    version: 1,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    period: 3,
    cadence: 'MONTHLY',
    dueAt: at,
    handoverAt: at,
    state: 'COMPLETED',
    completion: { at, byId: 'desk-1', householdsReached: 42, note: 'Two asked about the lift' },
  } satisfies CallBackRecord & { outbox: unknown[] },
  Campaign: {
    _id: 'c1',
    version: 4,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    kind: 'SATISFACTION',
    name: 'Spring 2027',
    templateId: 't1',
    templateVersion: 1,
    opensAt: at,
    closesAt: at,
    audience: { kind: 'SAMPLE_SIZE', size: 40 },
    remindAt: [at],
    createdById: 'sup-1',
    state: 'CLOSED',
    startedAt: at,
    invitees: [
      {
        householdId: 'hh1',
        respondentId: 'r1',
        propertyId: 'p1',
        buildingId: 'b1',
        surveyId: 's1',
        reminders: [{ number: 1, sentAt: at }],
      },
    ],
    surveysOpened: true,
    remindersSent: 1,
    closedAt: at,
    result: {
      invited: 1,
      answered: 1,
      rate: 1,
      byBuilding: [{ buildingId: 'b1', invited: 1, answered: 1, rate: 1 }],
    },
    wakeAt: null,
  } satisfies CampaignRecord & { outbox: unknown[] },
  Household: {
    _id: 'hh1',
    version: 2,
    createdAt: at,
    outbox: [],
    causedBy: ['e3', 'e4'],
    propertyId: 'p1',
    unitId: 'u1',
    members: [{ residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-15' }],
  } satisfies HouseholdRecord & { outbox: unknown[]; causedBy: string[] },
  Unit: {
    _id: 'u1',
    version: 1,
    createdAt: at,
    outbox: [],
    causedBy: ['e5'],
    propertyId: 'p1',
    buildingId: 'b1',
  } satisfies UnitRecord & { outbox: unknown[]; causedBy: string[] },
  PublishedResults: {
    _id: 'satisfaction-results:p1:2026-H2',
    version: 1,
    createdAt: at,
    outbox: [],
    propertyId: 'p1',
    periodKind: 'HALF_YEAR',
    periodLabel: '2026-H2',
    overall: figures,
    byCategory: [{ key: 'WATER_LEAK', ...figures }],
    byTeam: [
      {
        key: 'ENGINEERING',
        ...figures,
        satisfactionRate: null,
        averageScore: null,
        meetsTarget: null,
        gapToTarget: null,
      },
    ],
    publishedAt: at,
    publishedById: 'dir-1',
  } satisfies PublishedResultsRecord & { outbox: unknown[] },
  ResidentOfProperty: {
    _id: 'r1',
    version: 1,
    createdAt: at,
    outbox: [],
    causedBy: ['e3'],
    propertyId: 'p1',
  } satisfies ResidentOfPropertyRecord & { outbox: unknown[]; causedBy: string[] },
} as const;

describe('surveys models', () => {
  const modelOf = modelPolicyChecks('Surveys', SURVEYS_SCHEMAS, records, README);

  it('stores an open survey (no response, no requester) unchanged too', () => {
    const open = { ...records.Survey, state: 'OPEN', response: null, respondentId: null, causedBy: ['e1'] };
    expect(new (modelOf('Survey'))(open).toObject()).toEqual(open);
  });

  it('refuses a field no schema declares rather than dropping it', () => {
    expect(() => new (modelOf('Survey'))({ ...records.Survey, colour: 'red' })).toThrow(
      /colour.*not in schema/,
    );
  });
});
