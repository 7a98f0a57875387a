import { describe, expect, it } from '@jest/globals';
import { ReactionAlreadyApplied } from '@courtyard/kernel';
import { sequentialIds } from '@courtyard/kernel/domain';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import { openSatisfactionSurvey } from '../../domain/after-service.js';
import { RESOLVED_REPAIR } from '../../domain/fixtures.js';
import type { SurveyRecord } from '../../domain/records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../../domain/templates.js';
import { onWorkOrderClosed } from './workorder.closed.v1.js';

/** One stored survey; updates remember their cause, as the writer does. */
function storeOf(survey: SurveyRecord | null) {
  let stored = survey;
  const causes: string[] = [];
  return {
    current: () => stored,
    causes,
    survey: async (id: string) => (stored && stored._id === id ? stored : null),
    recordRequestClosed: async (previous: SurveyRecord, closedAt: Date, causationId: string) => {
      if (causes.includes(causationId))
        throw new ReactionAlreadyApplied('surveys', previous._id, causationId);
      causes.push(causationId);
      stored = { ...previous, requestClosedAt: closedAt, version: previous.version + 1 };
    },
  };
}

describe('workorder.closed.v1 → the closing recorded on the request’s survey', () => {
  const event = exampleEvent('workorder.closed.v1');
  const survey = openSatisfactionSurvey(
    { ...RESOLVED_REPAIR, helpRequestId: event.data.helpRequestId },
    { requesterId: 'r1', assigneeIds: [] },
    DEFAULT_POST_SERVICE_TEMPLATE,
    14,
    {
      actor: { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] },
      now: new Date(),
      newId: sequentialIds(),
    },
  ).record;

  it('records when the request closed, leaves the survey open for answers, and applies a replay once', async () => {
    const store = storeOf(survey);
    await feed(onWorkOrderClosed(store), event);
    expect(store.current()).toMatchObject({
      state: 'OPEN',
      expiresAt: survey.expiresAt,
      requestClosedAt: new Date(event.data.occurredAt),
    });
    expect(store.causes).toEqual([event.id]);
    await feed(onWorkOrderClosed(store), event);
    expect(store.causes).toEqual([event.id]);
  });

  it('changes nothing for a request without a survey', async () => {
    const store = storeOf(null);
    await feed(onWorkOrderClosed(store), event);
    expect(store.causes).toEqual([]);
  });
});
