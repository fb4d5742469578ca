import Razorpay from 'razorpay';
import * as z from 'zod/mini';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { ChargeRequest, PaymentGateway, ProviderVerdict } from '../domain/ports.js';
import { lazily } from './lazily.js';
import { declineReasonOf } from './razorpay-webhooks.js';
import { paymentsVariables } from '../variables.js';
import { secretNamedBy, type SecretSource } from './secrets.js';

/**
 * What Razorpay's server-to-server UPI API requires about the payer. The order contract
 * carries no customer contact or browser details, so the shop sends its own.
 */
export interface RazorpayPayer {
  email: string;
  contact: string;
  ip: string;
  referer: string;
  userAgent: string;
}

export interface RazorpayGatewayOptions {
  /** JSON `{"keyId":"rzp_…","keySecret":"…"}`, from Secrets Manager. */
  credentials: SecretSource;
  /** Razorpay's API by default; tests point it at a local fake. */
  baseUrl?: string;
  timeoutMs?: number;
  payer: RazorpayPayer;
}

const provider = 'razorpay';
const Credentials = z.object({ keyId: z.string().check(z.minLength(1)), keySecret: z.string().check(z.minLength(1)) });

/** Razorpay's SDK rejects with `{ statusCode, error }` for HTTP errors, and with a TypeError when no answer came at all. */
const RazorpayFailure = z.object({
  statusCode: z.union([z.number(), z.string()]),
  error: z.optional(z.object({ code: z.optional(z.string()), description: z.optional(z.string()), reason: z.optional(z.nullable(z.string())) })),
});

function failureOf(error: unknown) {
  const parsed = RazorpayFailure.safeParse(error);
  return parsed.success ? { status: Number(parsed.data.statusCode), code: parsed.data.error?.code, description: parsed.data.error?.description ?? '', reason: parsed.data.error?.reason } : undefined;
}

function isTransient(error: unknown): boolean {
  const failure = failureOf(error);
  return !failure || failure.status >= 500 || failure.status === 429;
}

function unavailableOr(error: unknown): unknown {
  return isTransient(error) ? new ProviderUnavailableError(provider, error) : error;
}

/** A Razorpay payment's status as our verdict; `created`/`authorized` still wait for the customer's approval. */
export function verdictOfPayment(payment: { id: string; status: string; error_reason?: string | null }): ProviderVerdict {
  if (payment.status === 'captured' || payment.status === 'refunded') return { status: 'CAPTURED', provider, reference: payment.id };
  if (payment.status === 'failed') return { status: 'DECLINED', provider, reference: payment.id, reason: declineReasonOf(payment.error_reason) };
  return { status: 'PENDING', provider, reference: payment.id };
}

function createClient(options: RazorpayGatewayOptions) {
  return lazily(async () => {
    const { keyId, keySecret } = Credentials.parse(JSON.parse(await options.credentials()));
    const client = new Razorpay({ key_id: keyId, key_secret: keySecret });
    // razorpay 2.9.8 hard-codes https://api.razorpay.com in its constructor; its axios instance is the one place to point it elsewhere.
    const http = (client.api as unknown as { rq: { defaults: { baseURL?: string; timeout?: number } } }).rq.defaults;
    if (options.baseUrl) http.baseURL = options.baseUrl;
    http.timeout = options.timeoutMs ?? 8000;
    return client;
  });
}

/**
 * UPI through Razorpay: one Razorpay order per shop order (found again by its receipt,
 * the orderId, which is how a retry stays one charge: Razorpay has no idempotency key
 * for payments), one collect request on it, and the customer approves in their UPI app;
 * the webhook settles it. Auto-capture is set on the order.
 */
export function razorpayGateway(options: RazorpayGatewayOptions): PaymentGateway {
  const client = createClient(options);

  async function orderFor(razorpay: Razorpay, request: ChargeRequest) {
    const found = (await razorpay.orders.all({ receipt: request.idempotencyKey, count: 1 })).items[0];
    if (found) return found;
    return razorpay.orders.create({
      amount: request.amount.amount,
      currency: request.amount.currency,
      receipt: request.idempotencyKey,
      notes: { orderId: request.orderId, paymentId: request.paymentId },
      payment_capture: true,
    });
  }

  return {
    async charge(request) {
      const razorpay = await client();
      try {
        const order = await orderFor(razorpay, request);
        const attempts = (await razorpay.orders.fetchPayments(order.id)).items;
        const latest = [...attempts].sort((left, right) => right.created_at - left.created_at)[0];
        if (latest) return verdictOfPayment(latest);
        const created = await razorpay.payments.createUpi({
          amount: request.amount.amount,
          currency: request.amount.currency,
          order_id: order.id,
          method: 'upi',
          upi: { flow: 'collect', vpa: request.token },
          email: options.payer.email,
          contact: options.payer.contact,
          ip: options.payer.ip,
          referer: options.payer.referer,
          user_agent: options.payer.userAgent,
          description: `Shoplane order ${request.orderId}`,
          notes: { orderId: request.orderId, paymentId: request.paymentId },
        });
        return { status: 'PENDING', provider, reference: created.razorpay_payment_id };
      } catch (error) {
        const failure = failureOf(error);
        if (failure && failure.status === 400) return { status: 'DECLINED', provider, reason: declineReasonOf(failure.reason) };
        throw unavailableOr(error);
      }
    },

    async refund(request) {
      const razorpay = await client();
      try {
        const earlier = (await razorpay.payments.fetchMultipleRefund(request.reference, { count: 100 })).items.find((refund) => refund.receipt === request.idempotencyKey);
        if (earlier) return { reference: earlier.id };
        const refund = await razorpay.payments.refund(request.reference, { amount: request.amount.amount, receipt: request.idempotencyKey, notes: { orderId: request.orderId } });
        return { reference: refund.id };
      } catch (error) {
        if (failureOf(error)?.description.includes('fully refunded')) return {};
        throw unavailableOr(error);
      }
    },

    // Razorpay cannot withdraw a UPI collect request; it expires, and an approval that comes anyway is refunded on its webhook.
    cancel: () => Promise.resolve('not-cancellable'),

    settled: () => Promise.resolve(),
  };
}

/**
 * Razorpay's server-to-server UPI API requires the payer's email, phone and browser
 * details; the order contract carries none of them, so the shop sends its own.
 */
const shopPayer: RazorpayPayer = {
  email: 'payments@shoplane.example',
  contact: '+910000000000',
  ip: '127.0.0.1',
  referer: 'https://shoplane.example/',
  userAgent: 'shoplane-payments',
};

/** Razorpay with the key pair from the secret the environment names. */
export function razorpayFromEnvironment(env: NodeJS.ProcessEnv): PaymentGateway {
  return razorpayGateway({ credentials: secretNamedBy(paymentsVariables.razorpayApiKeySecret, env), payer: shopPayer });
}
