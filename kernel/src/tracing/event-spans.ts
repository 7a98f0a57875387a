import { SpanStatusCode } from '@opentelemetry/api';
import type { CloudEvent } from '../domain/events.js';
import { contextOfTraceparent, failed, SpanKind, startSpan, type Span } from './spans.js';
import { tracingEnabled } from './telemetry.js';

export interface PublishSpans {
  /** Ends every span of the batch, failed when the broker refused it. */
  end(error?: unknown): void;
}

const NONE: PublishSpans = { end: () => undefined };

/**
 * A producer span per event the relay sends, a child of the event's own `traceparent` (the span
 * of the request or reaction that wrote it): the time from the broker's point of view, in the
 * trace that caused it. The envelope is not rewritten: it keeps naming the writing span, so the
 * consumer's span and this one are both children of it, and a redelivery carries the same bytes.
 */
export function publishSpans(topic: string, events: readonly CloudEvent[]): PublishSpans {
  if (!tracingEnabled()) return NONE;
  const spans: Span[] = events
    .filter((event) => event.traceparent)
    .map((event) =>
      startSpan(`publish ${topic}`, {
        kind: SpanKind.PRODUCER,
        parent: contextOfTraceparent(event.traceparent),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': topic,
          'messaging.message.id': event.id,
          'messaging.kafka.message.key': event.subject,
          'cloudevents.event_type': event.type,
        },
      }),
    );
  return {
    end(error) {
      for (const span of spans) {
        if (error === undefined) span.setStatus({ code: SpanStatusCode.OK });
        else failed(span, error);
        span.end();
      }
    },
  };
}

/** The attributes of a consumer's span for one message. */
export const processAttributes = (
  event: CloudEvent,
  where: { topic: string; partition: number; offset: string; group: string },
) => ({
  'messaging.system': 'kafka',
  'messaging.operation.type': 'process',
  'messaging.destination.name': where.topic,
  'messaging.destination.partition.id': String(where.partition),
  'messaging.kafka.offset': Number(where.offset),
  'messaging.consumer.group.name': where.group,
  'messaging.message.id': event.id,
  'cloudevents.event_type': event.type,
});
