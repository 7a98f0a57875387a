import { describe, expect, it } from '@jest/globals';
import { trace } from '@opentelemetry/api';
import { contextOfTraceparent, traceparentOfSpan } from './spans.js';
import { tracesExportersOf, tracingEnabled } from './telemetry.js';

const HEADER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('tracesExportersOf: exporters come from the standard OTEL_* variables, off by default', () => {
  it('is off without OTEL_TRACES_EXPORTER, with none, or with the SDK disabled', () => {
    expect(tracesExportersOf({})).toEqual([]);
    expect(tracesExportersOf({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
    expect(tracesExportersOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toEqual([]);
    expect(tracingEnabled()).toBe(false);
  });

  it('takes otlp and console, a list once each', () => {
    expect(tracesExportersOf({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual(['otlp']);
    expect(tracesExportersOf({ OTEL_TRACES_EXPORTER: ' OTLP , console,otlp' })).toEqual(['otlp', 'console']);
    expect(
      tracesExportersOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }),
    ).toEqual(['otlp']);
  });

  it('refuses an exporter or a protocol it would not honour, rather than sending nothing', () => {
    expect(() => tracesExportersOf({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() =>
      tracesExportersOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
    ).toThrow(/http\/json/);
    expect(() =>
      tracesExportersOf({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      }),
    ).toThrow(/http\/json/);
  });
});

describe('the envelope traceparent and the span context are one', () => {
  it('reads a traceparent into a remote parent and writes it back unchanged', () => {
    const parent = trace.getSpan(contextOfTraceparent(HEADER))!;
    expect(parent.spanContext()).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
      isRemote: true,
    });
    expect(traceparentOfSpan(parent)).toBe(HEADER);
  });

  it('has no parent for a missing or invalid traceparent, and writes none for an invalid span', () => {
    expect(trace.getSpan(contextOfTraceparent(undefined))).toBeUndefined();
    expect(trace.getSpan(contextOfTraceparent('00-zz-00-01'))).toBeUndefined();
    expect(
      traceparentOfSpan(
        trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 }),
      ),
    ).toBeUndefined();
  });
});
