import { Logger } from '@aws-lambda-powertools/logger';
import { ServiceMetrics } from './metrics.js';

/** Each service logger's metrics: created with it, once per container, so every wrapper and handler counts into one. */
const metricsByLogger = new WeakMap<Logger, ServiceMetrics>();

/**
 * One Powertools logger per service; the HTTP wrapper adds correlation id and user id per request.
 * The service's metrics (`metricsOf(logger)`) are created with it.
 */
export function createLogger(serviceName: string): Logger {
  const logger = new Logger({ serviceName });
  metricsByLogger.set(logger, new ServiceMetrics(serviceName, logger));
  return logger;
}

/** The metrics of the logger's service (namespace `Shoplane`, dimension `service`). */
export function metricsOf(logger: Logger): ServiceMetrics {
  let metrics = metricsByLogger.get(logger);
  if (!metrics) {
    // A logger made without createLogger: its service is the function's (POWERTOOLS_SERVICE_NAME).
    metrics = new ServiceMetrics(process.env['POWERTOOLS_SERVICE_NAME'] ?? 'unknown', logger);
    metricsByLogger.set(logger, metrics);
  }
  return metrics;
}
export type { Logger };
