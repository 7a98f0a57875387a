import type { CommandContext } from './command.js';
import { EVENT_SOURCES, type EventDataByType, type EventType } from './__generated__/event-data.js';

export type { EventDataByType, EventType } from './__generated__/event-data.js';

/**
 * CloudEvents 1.0, structured JSON mode. Extension attributes must be lower-case
 * alphanumerics, hence `propertyid` (the tenant) and `traceparent` (W3C trace context).
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
  propertyid?: string;
  traceparent?: string;
  requestid?: string;
}

/** The envelope around `data`, every attribute given (no clock or randomness here). */
export interface EnvelopeFields<T> {
  id: string;
  source: string;
  type: string;
  subject: string;
  time: Date;
  data: T;
  propertyId?: string;
  requestId?: string;
  traceparent?: string;
}

export function buildEnvelope<T>(fields: EnvelopeFields<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: fields.id,
    source: fields.source,
    type: fields.type,
    subject: fields.subject,
    time: fields.time.toISOString(),
    datacontenttype: 'application/json',
    data: fields.data,
    ...(fields.propertyId ? { propertyid: fields.propertyId } : {}),
    ...(fields.requestId ? { requestid: fields.requestId } : {}),
    ...(fields.traceparent ? { traceparent: fields.traceparent } : {}),
  };
}

/** The aggregate an event is about: its id is the subject (and the Kafka key). */
export interface EventAggregate {
  readonly id: string;
  /** The tenant, when the aggregate belongs to one property. */
  readonly propertyId?: string;
}

/**
 * The one way a domain event is made: `data` is typed from the event's JSON Schema, and the
 * envelope (id, time, request, trace) comes from the command context.
 */
export function domainEvent<T extends EventType>(
  type: T,
  aggregate: EventAggregate,
  data: EventDataByType[T],
  context: CommandContext,
): CloudEvent<EventDataByType[T]> {
  return buildEnvelope({
    id: context.newId(),
    source: EVENT_SOURCES[type],
    type,
    subject: aggregate.id,
    time: context.now,
    data,
    ...(aggregate.propertyId ? { propertyId: aggregate.propertyId } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
  });
}
