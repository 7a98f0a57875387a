import {
  domainEvent,
  type CloudEvent,
  type CommandContext,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import type { HelpRequestRecord } from './records.js';
import type { HelpRequestState } from './transitions.js';

/** The event types a help request publishes to `workorders.events` (schemas in schema/events/). */
export type HelpRequestEventType = Extract<keyof EventDataByType, `workorder.${string}`>;

/**
 * What every work-order event carries, so an analytics consumer needs no call back: property,
 * kind, channel, owner, the state change, timestamps and the time elapsed so far. No contact
 * details or descriptions (personal data stays in the subgraph).
 */
function commonData(
  request: HelpRequestRecord,
  previousState: HelpRequestState | null,
  context: CommandContext,
) {
  return {
    helpRequestId: request._id,
    number: request.number,
    propertyId: request.propertyId,
    type: request.type,
    category: request.category,
    channel: request.channel,
    urgent: request.urgent,
    paid: request.paid,
    repeatCall: request.repeatOfId !== null,
    ownerId: ownerOf(request),
    actorId: context.actor.subject,
    state: request.state,
    previousState,
    receivedAt: request.createdAt.toISOString(),
    occurredAt: context.now.toISOString(),
    secondsSinceReceived: Math.round((context.now.getTime() - request.createdAt.getTime()) / 1000),
    dueAt: request.dueAt.toISOString(),
  };
}

/**
 * The owner; while a request a partner recorded or a resident submitted waits to be accepted,
 * its recorder (the published `ownerId` is a required string), and the event says `unowned` (below).
 */
const ownerOf = (request: HelpRequestRecord): string =>
  request.ownerId ?? request.timeline[0]?.actorId ?? request.source?.partnerId ?? 'unknown';

/** Only while nobody owns the request, and on a partner's request its source: absent otherwise. */
function ownershipOf(
  request: HelpRequestRecord,
): Pick<EventDataByType['workorder.received.v1'], 'unowned' | 'source'> {
  return {
    ...(request.ownerId === null ? { unowned: true as const } : {}),
    ...(request.source ? { source: { partnerId: request.source.partnerId } } : {}),
  };
}

/** Only on a repair opened from a facility fault: absent, not null, otherwise (optional in the schema). */
function facilityOf(
  request: HelpRequestRecord,
): Pick<EventDataByType['workorder.received.v1'], 'facilityId' | 'faultId'> {
  return request.facilityId && request.faultId
    ? { facilityId: request.facilityId, faultId: request.faultId }
    : {};
}
type CommonData = ReturnType<typeof commonData>;

/** The fields an event type adds to the common ones: checked against its schema. */
export type EventDetails<T extends HelpRequestEventType> = Omit<EventDataByType[T], keyof CommonData>;

/**
 * Fails to compile if the common fields stop matching any work-order schema: the one cast in
 * `helpRequestEvent` is only as safe as this check.
 */
type CommonFieldsFit = {
  [T in HelpRequestEventType]: CommonData extends Pick<EventDataByType[T], keyof CommonData> ? true : never;
};
const commonFieldsFit: CommonFieldsFit[HelpRequestEventType] = true;
void commonFieldsFit;

export function helpRequestEvent<T extends HelpRequestEventType>(
  type: T,
  request: HelpRequestRecord,
  previousState: HelpRequestState | null,
  context: CommandContext,
  details: EventDetails<T>,
): CloudEvent {
  // The spread of a generic Omit and its complement is the event's data; TypeScript cannot
  // see through it, and CommonFieldsFit above proves the common half.
  const data = {
    ...commonData(request, previousState, context),
    ...details,
    ...facilityOf(request),
    ...ownershipOf(request),
  } as EventDataByType[T];
  return domainEvent(type, { id: request._id, propertyId: request.propertyId }, data, context);
}
