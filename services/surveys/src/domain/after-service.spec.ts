import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type CommandContext } from '@courtyard/kernel/domain';
import { RESOLVED_REPAIR } from './fixtures.js';
import { openSatisfactionSurvey, satisfactionSurveyIdOf } from './after-service.js';
import type { SurveyTemplateRecord } from './records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE, postServiceTemplateFor } from './templates.js';

const now = new Date('2026-11-24T09:00:05Z');
const system = (): CommandContext => ({
  actor: { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] },
  now,
  newId: sequentialIds(),
  causationId: 'e1',
});
const resolved = RESOLVED_REPAIR;

describe('openSatisfactionSurvey', () => {
  it("opens the request's survey for its requester with the template's questions, expiring after the configured days", () => {
    const { record, events } = openSatisfactionSurvey(
      resolved,
      { requesterId: 'r1', assigneeIds: ['tech-1', 'tech-2', 'tech-1'] },
      DEFAULT_POST_SERVICE_TEMPLATE,
      14,
      system(),
    );
    expect(record).toMatchObject({
      _id: satisfactionSurveyIdOf('h1'),
      propertyId: 'p1',
      purpose: 'POST_SERVICE',
      templateId: 'post-service-default',
      templateVersion: 1,
      respondentId: 'r1',
      helpRequestId: 'h1',
      category: 'WATER_LEAK',
      ownerId: 'desk-1',
      team: 'ENGINEERING',
      technicianIds: ['tech-1', 'tech-2'],
      state: 'OPEN',
      openedAt: now,
      expiresAt: new Date('2026-12-08T09:00:05Z'),
      response: null,
    });
    expect(record.questions.map((q) => [q.id, q.kind])).toEqual([
      ['overall', 'SCORE'],
      ['comment', 'TEXT'],
    ]);
    expect(events).toMatchObject([
      {
        type: 'survey.opened.v1',
        subject: record._id,
        data: { respondentId: 'r1', technicianIds: ['tech-1', 'tech-2'] },
      },
    ]);
  });

  it('decides the same survey and event when the event is replayed', () => {
    const decide = () =>
      openSatisfactionSurvey(
        resolved,
        { requesterId: 'r1', assigneeIds: [] },
        DEFAULT_POST_SERVICE_TEMPLATE,
        14,
        system(),
      );
    expect(decide()).toEqual(decide());
  });
});

describe('postServiceTemplateFor', () => {
  const template = (
    id: string,
    propertyId: string | null,
    createdAt: string,
    purpose = 'POST_SERVICE' as const,
  ) =>
    ({
      ...DEFAULT_POST_SERVICE_TEMPLATE,
      _id: id,
      propertyId,
      purpose,
      createdAt: new Date(createdAt),
    }) as SurveyTemplateRecord;

  it("prefers the property's newest, then the company's, then the built-in default", () => {
    const company = template('c1', null, '2026-01-01T00:00:00Z');
    const own = template('o1', 'p1', '2026-01-01T00:00:00Z');
    const newer = template('o2', 'p1', '2026-02-01T00:00:00Z');
    const general = { ...template('g1', 'p1', '2026-03-01T00:00:00Z'), purpose: 'GENERAL' as const };
    expect(postServiceTemplateFor('p1', [company, own, newer, general])._id).toBe('o2');
    expect(postServiceTemplateFor('p1', [company, general])._id).toBe('c1');
    expect(postServiceTemplateFor('p1', [template('x', 'p2', '2026-01-01T00:00:00Z')])).toBe(
      DEFAULT_POST_SERVICE_TEMPLATE,
    );
  });
});
