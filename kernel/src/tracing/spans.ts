import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { formatTraceparent, parseTraceparent, TRACEPARENT_HEADER } from './traceparent.js';
import { tracingEnabled } from './telemetry.js';

export { SpanKind } from '@opentelemetry/api';
export type { Span } from '@opentelemetry/api';

const tracer = () => trace.getTracer('@courtyard/kernel');

/**
 * The context a span continues from a `traceparent` (an HTTP header or an event envelope's
 * field): parsed by the platform's own W3C parser, the one that validates the header at every
 * hop, so a span and the envelope can never disagree on what the trace is. Root when absent.
 */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  const parent = parseTraceparent(traceparent);
  if (!parent) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parent.traceId,
    spanId: parent.parentId,
    traceFlags: Number.parseInt(parent.flags, 16),
    isRemote: true,
  });
}

/** The `traceparent` naming `span` as the parent: what a hop sends on and an event carries. */
export function traceparentOfSpan(span: Span): string | undefined {
  const { traceId, spanId, traceFlags } = span.spanContext();
  const formatted = formatTraceparent({
    traceId,
    parentId: spanId,
    flags: (traceFlags & 0xff).toString(16).padStart(2, '0'),
  });
  // An invalid context (no SDK, no parent) has all-zero ids: not a trace to propagate.
  return parseTraceparent(formatted) ? formatted : undefined;
}

/** The `traceparent` of the span now active, when tracing is on and one is. */
export function activeTraceparent(): string | undefined {
  if (!tracingEnabled()) return undefined;
  const span = trace.getActiveSpan();
  return span ? traceparentOfSpan(span) : undefined;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The parent; the active context when absent. */
  parent?: Context;
}

/**
 * Runs `work` inside a new span (active, so the spans it starts are its children): ended when
 * `work` settles, an error status when it throws. Without tracing, `work` runs as it is.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work(undefined);
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    failed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's message (recorded as an exception event too). */
export function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** Starts a span by hand, for work whose end is an event (a command reply, a response). */
export const startSpan = (name: string, options: SpanOptions): Span =>
  tracer().startSpan(
    name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    options.parent ?? context.active(),
  );

/**
 * A server span per HTTP request, continuing the caller's `traceparent` and active for all the
 * request's work (GraphQL, MongoDB, subgraph fetches); ended when the response is finished or
 * the connection closes. Mounted only when tracing is on (see `tracingEnabled`).
 */
export function traceHttpRequests(): RequestHandler {
  return (req, res, next) => {
    const parent = contextOfTraceparent(req.get(TRACEPARENT_HEADER));
    const route = `${req.baseUrl}${req.path === '/' ? '' : req.path}`;
    const span = tracer().startSpan(
      `${req.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'http.route': route, 'url.path': req.originalUrl },
      },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    const active = trace.setSpan(parent, span);
    // The body arrives in stream events, which run in the socket's async context, not this one:
    // bound, the listeners body parsing adds (and so the middleware after it) run in the span's.
    context.bind(active, req);
    context.bind(active, res);
    context.with(active, next);
  };
}

/** Names the active server span after the GraphQL operation it served (`mutation createProperty`). */
export function nameActiveSpanAfterOperation(kind: string | undefined, operation: string | undefined): void {
  if (!tracingEnabled()) return;
  const span = trace.getActiveSpan();
  if (!span) return;
  span.updateName(`${kind ?? 'operation'} ${operation ?? 'anonymous'}`);
  span.setAttribute('graphql.operation.name', operation ?? 'anonymous');
  if (kind) span.setAttribute('graphql.operation.type', kind);
}
