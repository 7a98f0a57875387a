import { randomUUID } from 'node:crypto';

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

export interface NewEvent<T> {
  type: string;
  subject: string;
  data: T;
  time: Date;
  propertyId?: string;
  requestId?: string;
  traceparent?: string;
}

export const eventSource = (service: string) => `/courtyard/${service}`;

export function createEvent<T>(service: string, event: NewEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: eventSource(service),
    type: event.type,
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
    ...(event.propertyId ? { propertyid: event.propertyId } : {}),
    ...(event.requestId ? { requestid: event.requestId } : {}),
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
  };
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/** Parses a Kafka message value; returns null for anything that is not a CloudEvent. */
export function parseEvent(value: Buffer | null): CloudEvent | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as CloudEvent).specversion === '1.0' &&
      typeof (parsed as CloudEvent).id === 'string' &&
      typeof (parsed as CloudEvent).type === 'string' &&
      typeof (parsed as CloudEvent).subject === 'string'
    ) {
      return parsed as CloudEvent;
    }
    return null;
  } catch {
    return null;
  }
}
