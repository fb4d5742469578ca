import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { metricsOf, type Logger } from './logger.js';
import { tracingMiddleware } from './tracing.js';

/**
 * What every Shoplane function runs inside, whatever triggers it: Powertools' tracer (one
 * subsegment per invocation, when tracing is on) and the service's metrics (cold starts,
 * and whatever the invocation counted, flushed at its end). `first` middlewares (the HTTP
 * wrapper's Lambda context in logs) run before them.
 */
export function instrumented<Event, Result>(
  logger: Logger,
  handle: (event: Event, context: Context) => Promise<Result>,
  first: MiddlewareObj<Event, Result, Error, Context>[] = [],
): (event: Event, context?: Context) => Promise<Result> {
  const wrapped = middy<Event, Result, Error, Context>()
    .use([...first, tracingMiddleware<Event, Result>(), metricsOf(logger).middleware<Event, Result>()])
    .handler(handle);
  // Code may call a handler directly (tests, a wrapper composing two): there is no Lambda
  // context then, and the middlewares here read it as optional.
  return (event, context) => wrapped(event, context as Context);
}
