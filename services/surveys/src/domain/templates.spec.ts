import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { createSurveyTemplate, DEFAULT_POST_SERVICE_TEMPLATE, reviseSurveyTemplate } from './templates.js';

const now = new Date('2026-11-23T02:00:00Z');
const supervisor: Caller = { subject: 'sup-1', role: 'SERVICE_SUPERVISOR', propertyIds: ['p1'] };
const as = (actor: Caller, at = now): CommandContext => ({ actor, now: at, newId: sequentialIds() });
const refusal = (code: string, reason: string) =>
  expect.objectContaining({ code, reason }) as unknown as Error;

const questions = [
  { id: 'overall', kind: 'SCORE', text: 'Overall?' },
  { id: 'speed', kind: 'SINGLE_CHOICE', text: 'How quick?', options: ['same day', 'next day', 'later'] },
  {
    id: 'liked',
    kind: 'MULTIPLE_CHOICE',
    text: 'What went well?',
    options: ['tidy', 'polite'],
    required: false,
  },
  { id: 'comment', kind: 'TEXT', text: 'Anything else?', required: false },
];

describe('survey templates', () => {
  it('creates version 1 for a property, with defaults applied', () => {
    const { record, events } = createSurveyTemplate(
      { propertyId: 'p1', name: ' Repairs ', purpose: 'POST_SERVICE', questions },
      as(supervisor),
    );
    expect(events).toEqual([]);
    expect(record).toMatchObject({ propertyId: 'p1', name: 'Repairs', anonymous: false, currentVersion: 1 });
    expect(record.versions).toEqual([
      {
        version: 1,
        publishedAt: now,
        publishedById: 'sup-1',
        questions: [
          { id: 'overall', kind: 'SCORE', text: 'Overall?', required: true, options: [] },
          {
            id: 'speed',
            kind: 'SINGLE_CHOICE',
            text: 'How quick?',
            required: true,
            options: ['same day', 'next day', 'later'],
          },
          {
            id: 'liked',
            kind: 'MULTIPLE_CHOICE',
            text: 'What went well?',
            required: false,
            options: ['tidy', 'polite'],
          },
          { id: 'comment', kind: 'TEXT', text: 'Anything else?', required: false, options: [] },
        ],
      },
    ]);
  });

  it('revises into a new version and keeps the old ones; a stale version is a CONFLICT', () => {
    const created = createSurveyTemplate(
      { propertyId: 'p1', name: 'Repairs', purpose: 'POST_SERVICE', questions },
      as(supervisor),
    ).record;
    const later = new Date('2026-12-01T00:00:00Z');
    const { record } = reviseSurveyTemplate(
      { id: created._id, version: 1, questions: questions.slice(0, 1) },
      created,
      as(supervisor, later),
    );
    expect(record.currentVersion).toBe(2);
    expect(record.versions.map((v) => [v.version, v.questions.length])).toEqual([
      [1, 4],
      [2, 1],
    ]);
    expect(() =>
      reviseSurveyTemplate({ id: created._id, version: 1, questions }, record, as(supervisor)),
    ).toThrow(refusal('CONFLICT', 'STALE_TEMPLATE_VERSION'));
  });

  it('refuses: a post-service template without a score, a choice without options, twice the same id, company-wide by a supervisor, the built-in default', () => {
    const create = (input: Record<string, unknown>, actor = supervisor) =>
      createSurveyTemplate(
        { propertyId: 'p1', name: 'x', purpose: 'POST_SERVICE', questions, ...input },
        as(actor),
      );
    expect(() => create({ questions: [questions[3]] })).toThrow(
      refusal('BAD_USER_INPUT', 'VALIDATION_FAILED'),
    );
    expect(() => create({ questions: [{ id: 'a', kind: 'SINGLE_CHOICE', text: 'x' }] })).toThrow(
      refusal('BAD_USER_INPUT', 'VALIDATION_FAILED'),
    );
    expect(() => create({ questions: [questions[0], questions[0]] })).toThrow(
      refusal('BAD_USER_INPUT', 'VALIDATION_FAILED'),
    );
    expect(() => create({ propertyId: '*' })).toThrow(refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED'));
    expect(() =>
      create({ propertyId: '*' }, { subject: 'gm', role: 'GENERAL_MANAGER', propertyIds: ['p1'] }),
    ).toThrow(refusal('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE'));
    expect(() => create({ propertyId: 'p2' })).toThrow(refusal('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE'));
    expect(
      create({ propertyId: '*' }, { subject: 'gm', role: 'GENERAL_MANAGER', propertyIds: ['*'] }).record
        .propertyId,
    ).toBeNull();
    expect(() =>
      reviseSurveyTemplate(
        { id: DEFAULT_POST_SERVICE_TEMPLATE._id, version: 1, questions },
        DEFAULT_POST_SERVICE_TEMPLATE,
        as(supervisor),
      ),
    ).toThrow(refusal('CONFLICT', 'BUILT_IN_TEMPLATE'));
  });
});
