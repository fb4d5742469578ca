import { defineProblems, problem } from '@shoplane/lambda-kit';
import { PaymentInProgressError, PaymentMismatchError, ProviderUnavailableError, WebhookSignatureError } from './domain/errors.js';

const retrySoon = { 'retry-after': '1' };

/**
 * Payments' domain errors as HTTP answers (webhooks) and internal-operation problems.
 * The two 503s are transient: an internal operation throws them, so the saga's Task
 * retries, and a provider re-sends a webhook answered with one.
 */
export const problems = defineProblems(
  problem(WebhookSignatureError, { status: 400 }),
  problem(PaymentMismatchError, { status: 409 }),
  problem(ProviderUnavailableError, { status: 503, headers: retrySoon }),
  problem(PaymentInProgressError, { status: 503, headers: retrySoon }),
);
