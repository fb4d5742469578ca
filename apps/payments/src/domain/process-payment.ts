import { newId } from '@shoplane/contracts';
import { PaymentInProgressError, PaymentMismatchError, ProviderUnavailableError } from './errors.js';
import {
  attemptAt,
  isAwaitingProvider,
  isSameCharge,
  newPayment,
  outputOf,
  type Payment,
  type ProcessPaymentInput,
  type ProcessPaymentOutput,
} from './payment.js';
import { applyVerdict, mustFind, now, type PaymentDependencies } from './settlement.js';

/** Longer than process-payment may run (its function timeout), so a lease only lapses when its holder is gone. */
export const defaultLeaseMs = 30_000;

/**
 * Charges an order once. The first call creates the order's payment (PROCESSING,
 * leased to it) and asks the provider, with the orderId as idempotency key; every
 * later call answers that payment's result and never charges again. A provider that
 * cannot be reached is recorded and thrown (the saga's Task retries); a refused
 * request is reported to the waiting Task at once instead of leaving it to time out.
 */
export async function processPayment(deps: PaymentDependencies, request: ProcessPaymentInput, correlationId: string): Promise<ProcessPaymentOutput> {
  try {
    return await payOnce(deps, request, correlationId);
  } catch (error) {
    if (request.taskToken && error instanceof PaymentMismatchError) await deps.callback.fail(request.taskToken, error.code, error.message);
    throw error;
  }
}

async function payOnce(deps: PaymentDependencies, request: ProcessPaymentInput, correlationId: string): Promise<ProcessPaymentOutput> {
  const at = now(deps);
  const leaseUntil = new Date(at.getTime() + (deps.leaseMs ?? defaultLeaseMs));
  const claim = await deps.payments.claim(newPayment(request, newId('pay'), at, leaseUntil), request.taskToken);
  if (claim.kind === 'claimed') return charge(deps, claim.payment, request, correlationId);
  if (claim.kind === 'voided') {
    return answerTask(deps, request.taskToken, { paymentId: claim.paymentId, orderId: request.orderId, status: 'DECLINED', reason: 'payment-timeout' });
  }
  const existing = claim.payment;
  if (!isSameCharge(existing, request)) throw new PaymentMismatchError();
  if (!isAwaitingProvider(existing.status)) return answerTask(deps, request.taskToken, outputOf(existing));
  // A retried Task waits under a new token: the payment reports to that one from now on.
  if (request.taskToken && !(await deps.payments.awaitWith(existing.orderId, request.taskToken))) {
    return answerTask(deps, request.taskToken, outputOf(await mustFind(deps, existing.orderId)));
  }
  if (existing.status === 'PENDING') return outputOf(existing);
  if (!(await deps.payments.takeLease(existing.orderId, at, leaseUntil))) throw new PaymentInProgressError();
  return charge(deps, existing, request, correlationId);
}

async function charge(deps: PaymentDependencies, payment: Payment, request: ProcessPaymentInput, correlationId: string): Promise<ProcessPaymentOutput> {
  const { paymentId, orderId, userId, amount, method } = payment;
  let verdict;
  try {
    verdict = await deps.gateway.charge({ paymentId, orderId, userId, amount, method, token: request.token, idempotencyKey: orderId });
  } catch (error) {
    if (error instanceof ProviderUnavailableError && error.data) {
      await deps.payments.recordUnreachable(orderId, attemptAt(now(deps), { action: 'charge', result: 'UNREACHABLE', provider: error.data.provider }));
    }
    throw error;
  }
  return outputOf(await applyVerdict(deps, payment, verdict, 'charge', correlationId));
}

/** A result known already goes straight to the Task waiting under this call's token. */
async function answerTask(deps: PaymentDependencies, taskToken: string | undefined, output: ProcessPaymentOutput): Promise<ProcessPaymentOutput> {
  if (taskToken) await deps.callback.succeed(taskToken, output);
  return output;
}
