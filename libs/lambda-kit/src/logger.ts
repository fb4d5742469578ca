import { Logger } from '@aws-lambda-powertools/logger';

/** One Powertools logger per service; the HTTP wrapper adds correlation id and user id per request. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
export type { Logger };
