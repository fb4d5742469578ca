import { DeliveryFailedError } from '../domain/errors.js';

/**
 * Turns whatever the provider's SDK threw into a DeliveryFailedError. Only the
 * listed errors mean the message itself can never be sent; throttling, outages,
 * timeouts, network errors and account problems an operator can fix (missing
 * permission, unverified sender) stay retryable, so those messages wait in the
 * queue or its DLQ for a redrive instead of being given up.
 */
export function deliveryFailure(provider: 'SES' | 'SNS', error: unknown, permanentErrors: ReadonlySet<string>): DeliveryFailedError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryFailedError(`${provider} ${name}: ${message}`, { retryable: !permanentErrors.has(name), cause: error });
}
