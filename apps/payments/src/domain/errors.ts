import { DomainError } from '@shoplane/contracts';
import type { ProviderName } from './payment.js';

/**
 * The provider could not be reached, or answered that it could not take the request
 * now (a 5xx, a rate limit, a timeout). Nothing is known to have happened, so the
 * caller retries: the saga's Task, or the provider re-sending its webhook.
 */
export class ProviderUnavailableError extends DomainError<{ provider: ProviderName }> {
  constructor(provider: ProviderName, cause?: unknown) {
    super('payment-provider-unavailable', `The payment provider (${provider}) could not be reached; try again.`, { data: { provider }, cause });
  }
}

/** Another call is charging this order right now; its answer will be this payment's. */
export class PaymentInProgressError extends DomainError {
  constructor() {
    super('payment-in-progress', 'This order is being charged right now; try again in a moment.');
  }
}

/** The order was already charged with another customer, amount or method: a caller bug, never a second charge. */
export class PaymentMismatchError extends DomainError {
  constructor() {
    super('payment-mismatch', 'This order is already being paid with another amount, method or customer.');
  }
}

/** A webhook whose signature is missing, forged or stale: nothing it says is believed. */
export class WebhookSignatureError extends DomainError {
  constructor(cause?: unknown) {
    super('invalid-webhook-signature', 'The webhook signature is missing, invalid or too old.', { cause });
  }
}

/** A move the transition table does not allow: a bug in the caller, refused before anything is written. */
export class IllegalTransitionError extends Error {
  constructor(from: string, to: string) {
    super(`A payment cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}
