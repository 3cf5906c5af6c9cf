import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

/**
 * OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP; the standard OTEL_*
 * variables apply). Off, nothing of the SDK is loaded: the API alone is a no-op. Started by main.ts before
 * the application is imported, so the HTTP, pg and ioredis modules are instrumented when they load.
 */
export async function startTracing(env: NodeJS.ProcessEnv): Promise<(() => Promise<void>) | null> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }, { IORedisInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'ywtb',
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/api/health' || request.url === '/api/metrics' }),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}

/** The W3C trace context of the active span (`traceparent`, …), to store with an outbox row; null when there is none. */
export function currentTraceContext(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : null;
}

/** Job data carries the trace context of the request that caused it under this key (see the outbox relay). */
export const TRACE_FIELD = '_trace';

/** Runs a job in a span that continues the trace of the request that caused it. */
export function inJobSpan<T>(name: string, attributes: Record<string, string | number>, traceContext: unknown, run: () => Promise<T>): Promise<T> {
  const parent = traceContext && typeof traceContext === 'object' ? propagation.extract(ROOT_CONTEXT, traceContext) : ROOT_CONTEXT;
  return trace.getTracer('ywtb').startActiveSpan(`job ${name}`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
