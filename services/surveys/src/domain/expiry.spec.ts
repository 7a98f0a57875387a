import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type CommandContext } from '@courtyard/kernel/domain';
import { openSatisfactionSurvey } from './after-service.js';
import { expireSurvey } from './expiry.js';
import { RESOLVED_REPAIR } from './fixtures.js';
import type { SurveyRecord } from './records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from './templates.js';

const openedAt = new Date('2026-11-24T09:00:05Z');
const system = (now: Date): CommandContext => ({
  actor: { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] },
  now,
  newId: sequentialIds(),
});
const survey: SurveyRecord = openSatisfactionSurvey(
  RESOLVED_REPAIR,
  { requesterId: 'r1', assigneeIds: ['tech-1'] },
  DEFAULT_POST_SERVICE_TEMPLATE,
  14,
  system(openedAt),
).record;

describe('expireSurvey', () => {
  it('marks an open survey past its expiry EXPIRED and says so in survey.expired.v1', () => {
    const now = new Date(survey.expiresAt.getTime() + 60_000);
    const decision = expireSurvey(survey, system(now));
    expect(decision?.record).toEqual({ ...survey, state: 'EXPIRED' });
    expect(decision?.events).toMatchObject([
      {
        type: 'survey.expired.v1',
        subject: survey._id,
        propertyid: 'p1',
        data: {
          surveyId: survey._id,
          helpRequestId: 'h1',
          respondentId: 'r1',
          expiresAt: '2026-12-08T09:00:05.000Z',
          expiredAt: now.toISOString(),
        },
      },
    ]);
  });

  it('decides nothing before the expiry, for an answered survey, or a second time', () => {
    expect(expireSurvey(survey, system(new Date(survey.expiresAt.getTime() - 1)))).toBeNull();
    const later = system(new Date(survey.expiresAt.getTime() + 1));
    expect(expireSurvey({ ...survey, state: 'COMPLETED' }, later)).toBeNull();
    const expired = expireSurvey(survey, later)!.record;
    expect(expireSurvey(expired, later)).toBeNull();
  });

  it('names no respondent for an anonymous survey', () => {
    const decision = expireSurvey({ ...survey, anonymous: true }, system(survey.expiresAt));
    expect(decision?.events[0]?.data).toMatchObject({ respondentId: null });
  });
});
