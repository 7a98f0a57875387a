import type { Logger } from '../logger.js';

/**
 * OpenTelemetry tracing, off unless the environment asks for an exporter. Configured by the
 * standard variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/):
 * `OTEL_TRACES_EXPORTER` (`otlp`, `console`, or `none`, the default), `OTEL_EXPORTER_OTLP_ENDPOINT`
 * or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`, `OTEL_SDK_DISABLED`.
 *
 * Off, the SDK is never loaded: only `@opentelemetry/api` is, whose default tracer is a no-op,
 * and the kernel's span helpers check `tracingEnabled()` first, so a request pays one boolean.
 */
let enabled = false;

/** True once `startTracing` registered a tracer provider with an exporter. */
export const tracingEnabled = (): boolean => enabled;

export type TracesExporter = 'otlp' | 'console';

/** The exporters the environment names (none: tracing stays off). Refuses what it cannot honour. */
export function tracesExportersOf(env: NodeJS.ProcessEnv): TracesExporter[] {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return [];
  const names = (env.OTEL_TRACES_EXPORTER ?? 'none')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'none');
  for (const name of names) {
    if (name !== 'otlp' && name !== 'console') {
      throw new Error(`OTEL_TRACES_EXPORTER: "${name}" is not supported here (otlp, console or none)`);
    }
  }
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL;
  // The OTLP exporter used here speaks OTLP/HTTP with JSON bodies, which every collector and
  // Jaeger accept; asking for protobuf or gRPC must not silently send something else.
  if (names.includes('otlp') && protocol !== undefined && protocol.trim() !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported here (http/json)`);
  }
  return [...new Set(names)] as TracesExporter[];
}

export interface Tracing {
  /** Exports what is buffered and stops (the last step of a shutdown). */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: async () => undefined };

/**
 * Registers the global tracer provider, the AsyncLocalStorage context manager and the W3C
 * propagator when an exporter is configured. `service` is the resource's `service.name` unless
 * `OTEL_SERVICE_NAME` says otherwise. Call it before the servers and clients start.
 */
export async function startTracing(
  service: string,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing> {
  const exporters = tracesExportersOf(env);
  if (exporters.length === 0) return OFF;
  // Loaded only when on: the SDK, its exporter and their dependencies cost nothing otherwise.
  const [
    { NodeTracerProvider },
    { BatchSpanProcessor, ConsoleSpanExporter },
    { OTLPTraceExporter },
    resources,
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const resource = resources
    .resourceFromAttributes({ 'service.name': service, 'service.namespace': 'courtyard' })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    // Batching (OTEL_BSP_* tune it): a request never waits for the collector.
    spanProcessors: exporters.map(
      (name) => new BatchSpanProcessor(name === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter()),
    ),
  });
  provider.register();
  enabled = true;
  logger.info({ exporters }, 'tracing on');
  return {
    async shutdown() {
      enabled = false;
      await provider.shutdown();
    },
  };
}
