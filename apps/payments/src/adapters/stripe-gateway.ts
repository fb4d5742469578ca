import Stripe from 'stripe';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { DeclineReason } from '../domain/payment.js';
import type { ChargeRequest, PaymentGateway, ProviderVerdict } from '../domain/ports.js';
import { lazily } from './lazily.js';
import { paymentsVariables } from '../variables.js';
import { secretNamedBy, type SecretSource } from './secrets.js';

export interface StripeGatewayOptions {
  /** The secret key (`sk_live_…` / `sk_test_…`), from Secrets Manager. */
  apiKey: SecretSource;
  /** Where Stripe's API is; tests point these at a local fake. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per request; well inside process-payment's timeout, so a hung call is retried rather than cut off. */
  timeoutMs?: number;
  /** The SDK's own retries of network failures (safe: every request carries an idempotency key). */
  maxNetworkRetries?: number;
}

const provider = 'stripe';

/** Stripe's `card_declined` carries a `decline_code`; both name insufficient funds the same way. */
export function declineReasonOf(code: string | null | undefined, declineCode: string | null | undefined): DeclineReason {
  return code === 'insufficient_funds' || declineCode === 'insufficient_funds' ? 'insufficient-funds' : 'payment-declined';
}

/** A PaymentIntent's status as our verdict: `requires_action` (3-D Secure) waits for the customer, and the webhook settles it. */
export function verdictOfIntent(intent: Pick<Stripe.PaymentIntent, 'id' | 'status' | 'last_payment_error'>): ProviderVerdict {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'CAPTURED', provider, reference: intent.id };
    case 'requires_payment_method':
    case 'canceled':
      return { status: 'DECLINED', provider, reference: intent.id, reason: declineReasonOf(intent.last_payment_error?.code, intent.last_payment_error?.decline_code) };
    default:
      return { status: 'PENDING', provider, reference: intent.id };
  }
}

/** Whether an error means "try again later": not reached, overloaded, rate limited, or the same key in flight. */
function isTransient(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) return true;
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  const status = error.statusCode ?? 0;
  return status >= 500 || status === 429 || status === 409;
}

function unavailableOr(error: unknown): unknown {
  return isTransient(error) ? new ProviderUnavailableError(provider, error) : error;
}

/** `tok_…` card tokens confirm through payment_method_data (the API takes the token in the card hash); `pm_…` ids directly. */
type IntentParams = Stripe.PaymentIntentCreateParams & { payment_method_data?: { type: 'card'; card: { token: string } } };

function intentParams(request: ChargeRequest): IntentParams {
  const paymentMethod = request.token.startsWith('pm_')
    ? { payment_method: request.token }
    : { payment_method_data: { type: 'card' as const, card: { token: request.token } } };
  return {
    amount: request.amount.amount,
    currency: request.amount.currency.toLowerCase(),
    confirm: true,
    allowed_payment_method_types: ['card'],
    ...paymentMethod,
    description: `Shoplane order ${request.orderId}`,
    metadata: { orderId: request.orderId, paymentId: request.paymentId, userId: request.userId },
  };
}

/** Cards through Stripe PaymentIntents, created and confirmed in one call, with the orderId as idempotency key. */
export function stripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const client = lazily(
    async () =>
      new Stripe(await options.apiKey(), {
        host: options.host,
        port: options.port,
        protocol: options.protocol,
        timeout: options.timeoutMs ?? 8000,
        maxNetworkRetries: options.maxNetworkRetries ?? 1,
        telemetry: false,
      }),
  );

  return {
    async charge(request) {
      const stripe = await client();
      try {
        return verdictOfIntent(await stripe.paymentIntents.create(intentParams(request), { idempotencyKey: request.idempotencyKey }));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          return { status: 'DECLINED', provider, reason: declineReasonOf(error.code, error.decline_code), ...(error.payment_intent ? { reference: error.payment_intent.id } : {}) };
        }
        // A token Stripe does not accept (unknown, used, for another account) is the customer's card failing, not ours.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && !isTransient(error)) return { status: 'DECLINED', provider, reason: 'payment-declined' };
        throw unavailableOr(error);
      }
    },

    async refund(request) {
      const stripe = await client();
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: request.reference, amount: request.amount.amount, metadata: { orderId: request.orderId } },
          { idempotencyKey: request.idempotencyKey },
        );
        return { reference: refund.id };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'charge_already_refunded') return {};
        throw unavailableOr(error);
      }
    },

    async cancel(request) {
      const stripe = await client();
      try {
        await stripe.paymentIntents.cancel(request.reference, {}, { idempotencyKey: request.idempotencyKey });
        return 'cancelled';
      } catch (error) {
        // Too late to cancel: the intent settled meanwhile. Only a success holds money.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'payment_intent_unexpected_state') {
          return error.payment_intent?.status === 'succeeded' ? 'captured' : 'cancelled';
        }
        throw unavailableOr(error);
      }
    },

    settled: () => Promise.resolve(),
  };
}

/** Stripe with the secret key from the secret the environment names. */
export function stripeFromEnvironment(env: NodeJS.ProcessEnv): PaymentGateway {
  return stripeGateway({ apiKey: secretNamedBy(paymentsVariables.stripeApiKeySecret, env) });
}
