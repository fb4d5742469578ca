import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

/**
 * Powertools' own rule: traces are sent only from a Lambda execution environment (not SAM
 * or Amplify's mocks) unless POWERTOOLS_TRACE_ENABLED is `false`. Locally and in tests
 * nothing is traced, and nothing has to be: there is no X-Ray daemon.
 */
export function isTracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const executionEnvironment = env['AWS_EXECUTION_ENV'] ?? '';
  return (
    executionEnvironment !== '' &&
    executionEnvironment !== 'AWS_Lambda_amplify-mock' &&
    (env['AWS_SAM_LOCAL'] ?? '') === '' &&
    env['POWERTOOLS_TRACE_ENABLED']?.toLowerCase() !== 'false'
  );
}

let loading: Promise<Tracer> | undefined;

/**
 * The container's tracer (service from POWERTOOLS_SERVICE_NAME), loaded only where tracing
 * is on: importing the X-Ray SDK enables an async hook for the whole process (and costs
 * ~80 ms), which the local runtime, running every function in one process, never pays.
 */
function containerTracer(): Promise<Tracer> | undefined {
  if (!isTracingEnabled()) return undefined;
  loading ??= import('@aws-lambda-powertools/tracer').then(({ Tracer }) => new Tracer());
  return loading;
}

/** An AWS SDK v3 client whose calls become subsegments of the invocation's trace (when tracing is on). */
export function tracedClient<Client extends object>(client: Client): Client {
  // Captured as soon as the tracer is loaded, during init, before any invocation's first call.
  void containerTracer()?.then((tracer) => tracer.captureAWSv3Client(client));
  return client;
}

/**
 * Powertools' captureLambdaHandler (one `## <handler>` subsegment per invocation, cold start
 * annotation, errors as metadata), once the tracer is loaded; nothing where tracing is off.
 */
export function tracingMiddleware<Event, Result>(): MiddlewareObj<Event, Result, Error, Context> {
  let capture: Promise<MiddlewareObj<Event, Result, Error, Context> | undefined> | undefined;
  const middleware = () =>
    (capture ??= (async () => {
      const tracer = await containerTracer();
      if (!tracer) return undefined;
      const { captureLambdaHandler } = await import('@aws-lambda-powertools/tracer/middleware');
      return captureLambdaHandler(tracer, { captureResponse: false }) as MiddlewareObj<Event, Result, Error, Context>;
    })());
  return {
    before: async (request) => (await middleware())?.before?.(request),
    after: async (request) => (await middleware())?.after?.(request),
    onError: async (request) => (await middleware())?.onError?.(request),
  };
}
