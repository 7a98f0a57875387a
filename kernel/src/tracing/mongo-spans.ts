import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { mongo } from 'mongoose';
import { SpanKind, startSpan } from './spans.js';

/**
 * A client span per MongoDB command, from the driver's command monitoring (the connection has
 * `monitorCommands` on for the command counters anyway). Not `@opentelemetry/instrumentation-mongodb`:
 * that one patches the driver's modules as they are loaded, which in these ES-module services
 * means a `--import` preload ahead of every entry point; the driver's own events give the same
 * span (name, collection, duration, outcome) with no patching. The driver emits `commandStarted`
 * inside the caller's async context, so the span is a child of the request or reaction active
 * there; a command with no active span (the relay's sweep, readiness pings) starts none, so
 * background polling does not fill the trace store with one-span traces.
 */
export function traceCommands(client: mongo.MongoClient, database: string): void {
  const open = new Map<string, Span>();
  const keyOf = (event: { connectionId?: unknown; requestId: number }) =>
    `${String(event.connectionId)}:${event.requestId}`;
  client.on('commandStarted', (event) => {
    if (!trace.getSpan(context.active())) return;
    const target = (event.command as Record<string, unknown>)[event.commandName];
    const collection = typeof target === 'string' ? target : undefined;
    open.set(
      keyOf(event),
      startSpan(collection ? `${event.commandName} ${collection}` : event.commandName, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'mongodb',
          'db.namespace': event.databaseName || database,
          'db.operation.name': event.commandName,
          ...(collection ? { 'db.collection.name': collection } : {}),
        },
      }),
    );
  });
  const finish = (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent, error?: Error) => {
    const key = keyOf(event);
    const span = open.get(key);
    if (!span) return;
    open.delete(key);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
  };
  client.on('commandSucceeded', (event) => finish(event));
  client.on('commandFailed', (event) => finish(event, event.failure));
}
