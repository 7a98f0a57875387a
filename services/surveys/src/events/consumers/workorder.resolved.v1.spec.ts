import { describe, expect, it } from '@jest/globals';
import type { Decision } from '@courtyard/kernel';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import { satisfactionSurveyIdOf } from '../../domain/after-service.js';
import type { SurveyRecord, SurveyTemplateRecord } from '../../domain/records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../../domain/templates.js';
import { onWorkOrderResolved } from './workorder.resolved.v1.js';

/** The surveys store as the handler sees it: what was opened, and which event caused it. */
function fakeSurveys(templates: SurveyTemplateRecord[] = []) {
  const opened: Array<{ decision: Decision<SurveyRecord>; causationId: string }> = [];
  return {
    opened,
    exists: async (id: string) => opened.some((o) => o.decision.record._id === id),
    postServiceTemplates: async () => templates,
    open: async (decision: Decision<SurveyRecord>, causationId: string) => {
      opened.push({ decision, causationId });
      return decision.record;
    },
  };
}
const now = new Date('2026-11-24T09:00:05Z');

describe('workorder.resolved.v1 → a satisfaction survey for the requester', () => {
  it('opens the survey under the request-derived id, caused by the event', async () => {
    const surveys = fakeSurveys();
    const event = exampleEvent('workorder.resolved.v1');
    await feed(onWorkOrderResolved(surveys, 7), event, { now });
    expect(surveys.opened).toHaveLength(1);
    const [{ decision, causationId }] = surveys.opened as [(typeof surveys.opened)[number]];
    expect(causationId).toBe(event.id);
    expect(decision.record).toMatchObject({
      _id: satisfactionSurveyIdOf(event.data.helpRequestId),
      propertyId: event.data.propertyId,
      category: event.data.category,
      ownerId: event.data.ownerId,
      // The example is a WATER_LEAK: engineering's work.
      team: 'ENGINEERING',
      respondentId: 'res-42',
      technicianIds: ['tech-007'],
      templateId: DEFAULT_POST_SERVICE_TEMPLATE._id,
      expiresAt: new Date('2026-12-01T09:00:05Z'),
    });
    expect(decision.events.map((e) => e.type)).toEqual(['survey.opened.v1']);
  });

  it('opens one survey per request: a replay, or a second resolution after a reopen, adds none', async () => {
    const surveys = fakeSurveys();
    const event = exampleEvent('workorder.resolved.v1');
    await feed(onWorkOrderResolved(surveys, 7), event, { now });
    await feed(onWorkOrderResolved(surveys, 7), event, { now });
    await feed(
      onWorkOrderResolved(surveys, 7),
      { ...event, id: '0b7e6c2a-1d4f-4e8a-9c3b-000000000099' },
      { now },
    );
    expect(surveys.opened).toHaveLength(1);
  });

  it("uses the property's own post-service template when it has one", async () => {
    const own = {
      ...DEFAULT_POST_SERVICE_TEMPLATE,
      _id: 'own',
      propertyId: exampleEvent('workorder.resolved.v1').data.propertyId,
    };
    const surveys = fakeSurveys([own]);
    await feed(onWorkOrderResolved(surveys, 7), exampleEvent('workorder.resolved.v1'), { now });
    expect(surveys.opened[0]?.decision.record.templateId).toBe('own');
  });

  it('opens nothing for a resolution published before the event named its requester', async () => {
    const surveys = fakeSurveys();
    const { requesterId: _r, assigneeIds: _a, ...older } = exampleEvent('workorder.resolved.v1').data;
    const event = { ...exampleEvent('workorder.resolved.v1'), data: older };
    await feed(onWorkOrderResolved(surveys, 7), event, { now });
    expect(surveys.opened).toEqual([]);
  });
});
