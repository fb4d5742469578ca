import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Logger } from './logger.js';

/** The CloudWatch namespace of every Shoplane metric; each carries its service as the `service` dimension. */
export const metricsNamespace = 'Shoplane';

/**
 * What happened, counted where it happens (alarms and the dashboard are built on these names):
 * orders created, confirmed, failed and swept (orders), payments declined (payments), logins
 * throttled (users), notifications not sent (notifications), and messages or events a
 * consumer gave up on (any consumer).
 */
export type BusinessMetricName =
  | 'OrdersCreated'
  | 'OrdersConfirmed'
  | 'OrdersFailed'
  | 'OrdersSwept'
  | 'PaymentsDeclined'
  | 'LoginsThrottled'
  | 'NotificationsFailed'
  | 'MessagesDeadLettered';

/** How a service counts what happened. */
export interface BusinessMetrics {
  /**
   * One occurrence under the `service` dimension. A `breakdown` (e.g. `{ reason }`) counts
   * it once more under `service` plus those dimensions, so a dashboard can sum by service
   * alone and still split by reason.
   */
  count(name: BusinessMetricName, breakdown?: Record<string, string>): void;
}

/** A service's Powertools Metrics (EMF on stdout, namespace `Shoplane`), flushed after every invocation. */
export class ServiceMetrics implements BusinessMetrics {
  readonly powertools: Metrics;

  constructor(serviceName: string, logger: Logger) {
    // Powertools' own warnings (an invalid dimension, say) go to the service's structured log.
    this.powertools = new Metrics({ namespace: metricsNamespace, serviceName, logger });
  }

  count(name: BusinessMetricName, breakdown?: Record<string, string>): void {
    this.powertools.addMetric(name, MetricUnit.Count, 1);
    if (!breakdown) return;
    // A single metric is published at once, with its own dimensions (plus the service's).
    const single = this.powertools.singleMetric();
    single.addDimensions(breakdown);
    single.addMetric(name, MetricUnit.Count, 1);
  }

  /**
   * Counts cold starts (Powertools' `ColdStart`, dimensions service and function_name) and
   * flushes what the invocation recorded. Powertools' `logMetrics` would warn on every
   * invocation that records nothing, which is most of them; this flushes only when there is
   * something to flush.
   */
  middleware<Event, Result>(): MiddlewareObj<Event, Result, Error, Context> {
    const flush = () => {
      if (this.powertools.hasStoredMetrics()) this.powertools.publishStoredMetrics();
    };
    return {
      before: (request) => {
        // A direct call (a test) has no Lambda context.
        this.powertools.captureColdStartMetric((request.context as Context | undefined)?.functionName);
      },
      after: flush,
      onError: flush,
    };
  }
}
