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
