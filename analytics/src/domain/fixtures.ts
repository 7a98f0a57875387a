import { createEvent, type CloudEvent } from '@courtyard/kernel';

/** Work-order events as the work-orders subgraph publishes them, for the fold's specs. */
export function workOrderEvent(
  type: string,
  facts: { propertyId: string; at: string; dueAt?: string; result?: 'SATISFIED' | 'UNSATISFIED' },
): CloudEvent {
  return createEvent('work-orders', {
    type,
    subject: 'hr-1',
    propertyId: facts.propertyId,
    time: new Date(facts.at),
    data: {
      helpRequestId: 'hr-1',
      propertyId: facts.propertyId,
      occurredAt: facts.at,
      dueAt: facts.dueAt ?? '2099-01-01T00:00:00.000Z',
      ...(facts.result ? { result: facts.result } : {}),
    },
  });
}

/** `survey.completed.v1` as the surveys subgraph publishes it (a score of 4 or 5 is satisfied). */
export function surveyCompleted(facts: {
  propertyId: string;
  at: string;
  score: number | null;
  channel?: 'RESIDENT' | 'PHONE';
  measures?: 'SATISFACTION' | 'NEEDS';
}): CloudEvent {
  return createEvent('surveys', {
    type: 'survey.completed.v1',
    subject: 'satisfaction-hr-1',
    propertyId: facts.propertyId,
    time: new Date(facts.at),
    data: {
      surveyId: 'satisfaction-hr-1',
      propertyId: facts.propertyId,
      purpose: 'POST_SERVICE',
      helpRequestId: 'hr-1',
      channel: facts.channel ?? 'RESIDENT',
      respondentId: null,
      recordedById: facts.channel === 'PHONE' ? 'desk-1' : null,
      score: facts.score,
      satisfied: facts.score === null ? null : facts.score >= 4,
      completedAt: facts.at,
      ...(facts.measures ? { measures: facts.measures } : {}),
    },
  });
}
