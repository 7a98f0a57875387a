import { createEvent, type CloudEvent } from '@courtyard/kernel';
import type { CommandContext } from '../domain/command.js';
import type { HelpRequestRecord } from '../domain/records.js';
import type { HelpRequestState } from '../domain/transitions.js';

export const SERVICE = 'work-orders';

/** Event types published to `workorders.events` (schemas in schema/events/). */
export const WORK_ORDER_EVENTS = {
  received: 'workorder.received.v1',
  acknowledged: 'workorder.acknowledged.v1',
  assigned: 'workorder.assigned.v1',
  started: 'workorder.started.v1',
  waitingParts: 'workorder.waiting_parts.v1',
  escalated: 'workorder.escalated.v1',
  resolved: 'workorder.resolved.v1',
  reopened: 'workorder.reopened.v1',
  confirmed: 'workorder.confirmed.v1',
  followedUp: 'workorder.followed_up.v1',
  closed: 'workorder.closed.v1',
  referred: 'workorder.referred.v1',
  inspected: 'workorder.inspected.v1',
} as const;
export type WorkOrderEventType = (typeof WORK_ORDER_EVENTS)[keyof typeof WORK_ORDER_EVENTS];

/**
 * Every work-order event carries what an analytics consumer needs without calling back:
 * property, kind, channel, owner, the state change, timestamps and the time elapsed so far.
 * No contact details or descriptions (personal data stays in the subgraph).
 */
export function workOrderEvent(
  type: WorkOrderEventType,
  request: HelpRequestRecord,
  previousState: HelpRequestState | null,
  context: CommandContext,
  details: Record<string, unknown> = {},
): CloudEvent {
  return createEvent(SERVICE, {
    type,
    subject: request._id,
    propertyId: request.propertyId,
    time: context.now,
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
    data: {
      helpRequestId: request._id,
      number: request.number,
      propertyId: request.propertyId,
      type: request.type,
      category: request.category,
      channel: request.channel,
      urgent: request.urgent,
      paid: request.paid,
      repeatCall: request.repeatOfId !== null,
      ownerId: request.ownerId,
      actorId: context.actor.subject,
      state: request.state,
      previousState,
      receivedAt: request.createdAt.toISOString(),
      occurredAt: context.now.toISOString(),
      secondsSinceReceived: Math.round((context.now.getTime() - request.createdAt.getTime()) / 1000),
      dueAt: request.dueAt.toISOString(),
      ...details,
    },
  });
}
