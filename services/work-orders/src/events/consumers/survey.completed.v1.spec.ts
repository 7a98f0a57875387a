import { describe, expect, it } from '@jest/globals';
import { ReactionAlreadyApplied, type Decision } from '@courtyard/kernel';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import { as, received, staff } from '../../domain/fixtures.js';
import * as lifecycle from '../../domain/lifecycle.js';
import type { HelpRequestRecord } from '../../domain/records.js';
import { onSurveyCompleted } from './survey.completed.v1.js';

const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });
function confirmed(): HelpRequestRecord {
  const acknowledged = lifecycle.acknowledge(received(), null, as({})).record;
  const assigned = lifecycle.assign(acknowledged, { assigneeIds: ['tech-1'] }, [staff()], as({})).record;
  const started = lifecycle.startWork(assigned, null, tech).record;
  const resolved = lifecycle.resolve(started, 'Replaced the pipe joint', tech).record;
  return lifecycle.confirm(resolved, null, as({})).record;
}

/** One stored request; saves are version-checked and remember their cause, as the writer does. */
function storeOf(request: HelpRequestRecord) {
  let stored = request;
  const causes: string[] = [];
  const requests = () => ({
    load: async (id: string) => (id === stored._id ? stored : null),
    save: async (
      before: HelpRequestRecord,
      { record }: Decision<HelpRequestRecord>,
      causationId?: string,
    ) => {
      if (causationId && causes.includes(causationId))
        throw new ReactionAlreadyApplied('help_requests', record._id, causationId);
      if (before.version !== stored.version) throw new Error('stale');
      stored = { ...record, version: stored.version + 1 };
      if (causationId) causes.push(causationId);
      return stored;
    },
  });
  return { requests, current: () => stored, causes };
}

const phoneFollowUp = (request: HelpRequestRecord, score: number, overrides = {}) =>
  exampleEvent('survey.completed.v1', {
    data: {
      helpRequestId: request._id,
      propertyId: request.propertyId,
      channel: 'PHONE',
      recordedById: 'desk-2',
      score,
      satisfied: score >= 4,
      ...overrides,
    },
  });

describe('survey.completed.v1 → the follow-up visit of rule 7', () => {
  it('a satisfied phone follow-up is the request’s follow-up: it may close, and a replay changes nothing', async () => {
    const store = storeOf(confirmed());
    const event = phoneFollowUp(store.current(), 5);
    await feed(onSurveyCompleted(store.requests), event, { actor: 'work-orders' });
    expect(store.current()).toMatchObject({
      state: 'FOLLOWED_UP',
      followUp: { result: 'SATISFIED', byId: 'work-orders' },
    });
    expect(store.current().followUp?.note).toContain('score 5');
    expect(store.causes).toEqual([event.id]);
    const version = store.current().version;
    await feed(onSurveyCompleted(store.requests), event, { actor: 'work-orders' });
    expect(store.current().version).toBe(version);
    expect(lifecycle.close(store.current(), null, as({})).record.state).toBe('CLOSED');
  });

  it('an unsatisfied one (score 1 to 3) reopens the request, as the follow-up mutation does', async () => {
    const store = storeOf(confirmed());
    await feed(onSurveyCompleted(store.requests), phoneFollowUp(store.current(), 3));
    expect(store.current()).toMatchObject({ state: 'REOPENED', followUp: { result: 'UNSATISFIED' } });
  });

  it('ignores a resident’s own answer, a survey without a score, an unknown request and one not awaiting its follow-up', async () => {
    const store = storeOf(confirmed());
    const before = store.current();
    await feed(
      onSurveyCompleted(store.requests),
      phoneFollowUp(before, 5, { channel: 'RESIDENT', recordedById: null }),
    );
    await feed(onSurveyCompleted(store.requests), phoneFollowUp(before, 5, { score: null, satisfied: null }));
    await feed(onSurveyCompleted(store.requests), phoneFollowUp(before, 5, { helpRequestId: 'elsewhere' }));
    await feed(onSurveyCompleted(store.requests), phoneFollowUp(before, 5, { helpRequestId: null }));
    expect(store.current()).toBe(before);
    const notConfirmed = { ...before, state: 'RESOLVED' as const, confirmation: null };
    const early = storeOf(notConfirmed);
    await feed(onSurveyCompleted(early.requests), phoneFollowUp(notConfirmed, 5));
    expect(early.current()).toBe(notConfirmed);
  });
});
