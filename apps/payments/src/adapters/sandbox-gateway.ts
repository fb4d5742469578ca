import type { PaymentMethod } from '@shoplane/contracts';
import { newId } from '@shoplane/lambda-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderUnavailableError } from '../domain/errors.js';
import type { ChargeRequest, PaymentGateway, ProviderVerdict } from '../domain/ports.js';
import { razorpayPaymentEvent, razorpaySignature } from './razorpay-webhooks.js';
import type { SecretSource } from './secrets.js';

/** What the sandbox does with a token: Stripe's documented test tokens, Razorpay's test UPI addresses, and two of its own. */
export type SandboxBehaviour = 'capture' | 'decline' | 'insufficient-funds' | 'flaky' | 'unavailable' | 'approve-later' | 'reject';

export const sandboxTokens: Readonly<Record<PaymentMethod, Readonly<Record<string, SandboxBehaviour>>>> = {
  CARD: {
    tok_visa: 'capture',
    pm_card_visa: 'capture',
    tok_chargeDeclined: 'decline',
    pm_card_chargeDeclined: 'decline',
    tok_chargeDeclinedInsufficientFunds: 'insufficient-funds',
    pm_card_chargeDeclinedInsufficientFunds: 'insufficient-funds',
    tok_sandbox_flaky: 'flaky',
    tok_sandbox_unavailable: 'unavailable',
  },
  UPI: {
    'success@razorpay': 'approve-later',
    'failure@razorpay': 'reject',
  },
};

/** How the sandbox approves a UPI payment "a moment later": a webhook signed exactly as Razorpay signs one. */
export interface SandboxApprovals {
  /** Base URL of the shop's API; the webhook goes to `<base>/payments/webhooks/razorpay`. */
  webhookBaseUrl: string;
  /** The Razorpay webhook secret the webhook handler verifies with. */
  webhookSecret: SecretSource;
  delayMs: number;
  /** Sends the webhook; an HTTP POST by default. */
  deliver?: (url: string, body: string, headers: Record<string, string>) => Promise<void>;
  /** Told when a webhook could not be delivered (the payment then waits for the saga's timeout). */
  onUndelivered?: (error: unknown) => void;
}

export interface SandboxOptions {
  /** Absent where the sandbox is never asked to charge (refunds, webhooks); a UPI approval then fails loudly. */
  approvals?: SandboxApprovals;
  clock?: () => Date;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { method: 'POST', body, headers });
  if (!response.ok) throw new Error(`the sandbox webhook was answered ${response.status}`);
}

/**
 * A payment provider in memory, for `npm start` and tests: answers like Stripe and
 * Razorpay in test mode, including their idempotency (a repeated key gets the first
 * answer, without charging again) and Razorpay's signed webhook for a UPI approval.
 */
export function sandboxGateway(options: SandboxOptions = {}): PaymentGateway {
  const answers = new Map<string, ProviderVerdict>();
  const refunds = new Map<string, string>();
  const failedOnce = new Set<string>();
  const deliveries = new Set<Promise<void>>();
  const clock = options.clock ?? (() => new Date());

  function scheduleApproval(request: ChargeRequest, reference: string): void {
    const approvals = options.approvals;
    if (!approvals) throw new Error('The payment sandbox cannot approve UPI payments here: PAYMENTS_SANDBOX_WEBHOOK_URL is not set.');
    const deliver = approvals.deliver ?? post;
    const delivery = (async () => {
      await sleep(approvals.delayMs);
      const event = razorpayPaymentEvent({ event: 'payment.captured', paymentReference: reference, orderId: request.orderId, amount: request.amount, at: clock() });
      const body = JSON.stringify(event);
      await deliver(new URL('/payments/webhooks/razorpay', approvals.webhookBaseUrl).toString(), body, {
        'content-type': 'application/json',
        'x-razorpay-signature': razorpaySignature(body, await approvals.webhookSecret()),
        'x-razorpay-event-id': newId('evt'),
      });
    })().catch((error: unknown) => approvals.onUndelivered?.(error));
    deliveries.add(delivery);
    void delivery.finally(() => deliveries.delete(delivery));
  }

  function answer(request: ChargeRequest, behaviour: SandboxBehaviour | undefined): ProviderVerdict {
    const provider = 'sandbox';
    switch (behaviour) {
      case 'unavailable':
        throw new ProviderUnavailableError(provider);
      case 'flaky':
        if (!failedOnce.has(request.idempotencyKey)) {
          failedOnce.add(request.idempotencyKey);
          throw new ProviderUnavailableError(provider);
        }
        return { status: 'CAPTURED', provider, reference: newId('sbx_ch') };
      case 'capture':
        return { status: 'CAPTURED', provider, reference: newId('sbx_ch') };
      case 'approve-later': {
        const reference = newId('sbx_pay');
        scheduleApproval(request, reference);
        return { status: 'PENDING', provider, reference };
      }
      case 'insufficient-funds':
        return { status: 'DECLINED', provider, reason: 'insufficient-funds' };
      default:
        return { status: 'DECLINED', provider, reason: 'payment-declined' };
    }
  }

  return {
    async charge(request) {
      const earlier = answers.get(request.idempotencyKey);
      if (earlier) return earlier;
      const verdict = answer(request, sandboxTokens[request.method][request.token]);
      answers.set(request.idempotencyKey, verdict);
      return verdict;
    },

    async refund(request) {
      const reference = refunds.get(request.idempotencyKey) ?? newId('sbx_re');
      refunds.set(request.idempotencyKey, reference);
      return { reference };
    },

    // Like Razorpay, the sandbox cannot withdraw a UPI approval it has scheduled: it arrives, and is refunded.
    cancel: () => Promise.resolve('not-cancellable'),

    async settled() {
      await Promise.all([...deliveries]);
    },
  };
}
