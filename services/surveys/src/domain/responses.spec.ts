import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { RESOLVED_REPAIR } from './fixtures.js';
import { openSatisfactionSurvey } from './after-service.js';
import type { Question, SurveyRecord } from './records.js';
import { answerSurvey, recordSurveyByPhone, stateAt, validateAnswers } from './responses.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from './templates.js';

const opened = new Date('2026-11-24T09:00:00Z');
const later = new Date('2026-11-25T10:00:00Z');
const resident: Caller = { subject: 'u-r1', role: 'RESIDENT', propertyIds: [], residentId: 'r1' };
const desk: Caller = { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] };
const as = (actor: Caller, now = later): CommandContext => ({ actor, now, newId: sequentialIds() });

const resolved = RESOLVED_REPAIR;
const survey: SurveyRecord = openSatisfactionSurvey(
  resolved,
  { requesterId: 'r1', assigneeIds: ['tech-1'] },
  DEFAULT_POST_SERVICE_TEMPLATE,
  14,
  { actor: { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] }, now: opened, newId: sequentialIds() },
).record;

const QUESTIONS: Question[] = [
  { id: 'overall', kind: 'SCORE', text: '?', required: true, options: [] },
  { id: 'one', kind: 'SINGLE_CHOICE', text: '?', required: false, options: ['a', 'b'] },
  { id: 'many', kind: 'MULTIPLE_CHOICE', text: '?', required: false, options: ['a', 'b', 'c'] },
  { id: 'comment', kind: 'TEXT', text: '?', required: false, options: [] },
];
const refusal = (reason: string, code = 'BAD_USER_INPUT') =>
  expect.objectContaining({ code, reason }) as unknown as Error;

describe('validateAnswers', () => {
  it('keeps every kind of answer, in question order', () => {
    expect(
      validateAnswers(QUESTIONS, [
        { questionId: 'comment', text: 'fine' },
        { questionId: 'many', choices: ['c', 'a'] },
        { questionId: 'one', choice: 'b' },
        { questionId: 'overall', score: 4 },
      ]),
    ).toEqual([
      { questionId: 'overall', kind: 'SCORE', score: 4 },
      { questionId: 'one', kind: 'SINGLE_CHOICE', choices: ['b'] },
      { questionId: 'many', kind: 'MULTIPLE_CHOICE', choices: ['c', 'a'] },
      { questionId: 'comment', kind: 'TEXT', text: 'fine' },
    ]);
  });

  it.each([
    ['a score of 6', [{ questionId: 'overall', score: 6 }], 'INVALID_ANSWER'],
    ['a score of 0', [{ questionId: 'overall', score: 0 }], 'INVALID_ANSWER'],
    ['text for a score', [{ questionId: 'overall', text: 'five' }], 'INVALID_ANSWER'],
    ['two kinds at once', [{ questionId: 'overall', score: 5, text: 'five' }], 'INVALID_ANSWER'],
    [
      'an unknown option',
      [
        { questionId: 'overall', score: 5 },
        { questionId: 'one', choice: 'z' },
      ],
      'INVALID_ANSWER',
    ],
    [
      'a repeated option',
      [
        { questionId: 'overall', score: 5 },
        { questionId: 'many', choices: ['a', 'a'] },
      ],
      'INVALID_ANSWER',
    ],
    [
      'an unknown question',
      [
        { questionId: 'overall', score: 5 },
        { questionId: 'colour', text: 'red' },
      ],
      'UNKNOWN_QUESTION',
    ],
    [
      'a question twice',
      [
        { questionId: 'overall', score: 5 },
        { questionId: 'overall', score: 4 },
      ],
      'DUPLICATE_ANSWER',
    ],
    ['a required question left out', [{ questionId: 'comment', text: 'hi' }], 'MISSING_ANSWER'],
  ])('refuses %s', (_, answers, reason) => {
    expect(() => validateAnswers(QUESTIONS, answers)).toThrow(refusal(reason));
  });
});

describe('answerSurvey', () => {
  it('completes the survey with the score and one survey.completed.v1', () => {
    const input = {
      surveyId: survey._id,
      answers: [
        { questionId: 'overall', score: 5 },
        { questionId: 'comment', text: 'Dry again' },
      ],
    };
    const { record, events } = answerSurvey(input, survey, as(resident));
    expect(record).toMatchObject({
      state: 'COMPLETED',
      response: { channel: 'RESIDENT', score: 5, recordedById: null, at: later },
    });
    expect(events).toMatchObject([
      {
        type: 'survey.completed.v1',
        subject: survey._id,
        propertyid: 'p1',
        data: {
          helpRequestId: 'h1',
          channel: 'RESIDENT',
          respondentId: 'r1',
          score: 5,
          satisfied: true,
          recordedById: null,
        },
      },
    ]);
    expect(answerSurvey(input, survey, as(resident))).toEqual(answerSurvey(input, survey, as(resident)));
  });

  it("refuses someone else's survey as NOT_FOUND, a second answer and an expired survey as CONFLICT", () => {
    const input = { surveyId: survey._id, answers: [{ questionId: 'overall', score: 5 }] };
    expect(() => answerSurvey(input, survey, as({ ...resident, residentId: 'r2' }))).toThrow(
      refusal('SURVEY_NOT_FOUND', 'NOT_FOUND'),
    );
    expect(() => answerSurvey(input, survey, as(desk))).toThrow(refusal('SURVEY_NOT_FOUND', 'NOT_FOUND'));
    const answered = answerSurvey(input, survey, as(resident)).record;
    expect(() => answerSurvey(input, answered, as(resident))).toThrow(
      refusal('SURVEY_ALREADY_ANSWERED', 'CONFLICT'),
    );
    expect(() => answerSurvey(input, survey, as(resident, survey.expiresAt))).toThrow(
      refusal('SURVEY_EXPIRED', 'CONFLICT'),
    );
  });

  it('keeps an anonymous respondent out of the event', () => {
    const anonymous = { ...survey, anonymous: true };
    const { events } = answerSurvey(
      { surveyId: survey._id, answers: [{ questionId: 'overall', score: 2 }] },
      anonymous,
      as(resident),
    );
    expect(events[0]?.data).toMatchObject({ respondentId: null, score: 2, satisfied: false });
  });
});

describe('recordSurveyByPhone (回访)', () => {
  it('records the answers on the resident’s behalf, with who recorded them', () => {
    const { record, events } = recordSurveyByPhone(
      { surveyId: survey._id, answers: [{ questionId: 'overall', score: 3 }], note: 'Called at 10' },
      survey,
      as(desk),
    );
    expect(record.response).toMatchObject({
      channel: 'PHONE',
      score: 3,
      recordedById: 'desk-1',
      note: 'Called at 10',
    });
    expect(events[0]?.data).toMatchObject({ channel: 'PHONE', recordedById: 'desk-1', satisfied: false });
  });

  it('refuses staff of another property and technicians', () => {
    const input = { surveyId: survey._id, answers: [{ questionId: 'overall', score: 5 }] };
    expect(() => recordSurveyByPhone(input, survey, as({ ...desk, propertyIds: ['p2'] }))).toThrow(
      refusal('OUTSIDE_PROPERTY_SCOPE', 'FORBIDDEN'),
    );
    expect(() => recordSurveyByPhone(input, survey, as({ ...desk, role: 'TECHNICIAN' }))).toThrow(
      refusal('ROLE_NOT_ALLOWED', 'FORBIDDEN'),
    );
  });
});

describe('stateAt', () => {
  it('reads an open survey past its expiry as EXPIRED', () => {
    expect(stateAt(survey, opened)).toBe('OPEN');
    expect(stateAt(survey, new Date(survey.expiresAt.getTime() - 1))).toBe('OPEN');
    expect(stateAt(survey, survey.expiresAt)).toBe('EXPIRED');
    expect(stateAt({ ...survey, state: 'COMPLETED' }, survey.expiresAt)).toBe('COMPLETED');
  });
});
