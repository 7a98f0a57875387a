import { randomUUID } from 'node:crypto';
import { buildEnvelope, type CloudEvent } from '../domain/events.js';

export type { CloudEvent } from '../domain/events.js';

/** An event outside any command (tests, fixtures, tools): a random id, the given time. */
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
  return buildEnvelope({ ...event, id: randomUUID(), source: eventSource(service) });
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
