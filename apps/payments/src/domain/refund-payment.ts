import { BusyError } from '@shoplane/contracts';
import { newId } from '@shoplane/contracts';
import { PaymentInProgressError } from './errors.js';
import { paymentFailed } from './payment-events.js';
import { attemptAt, type Payment, type RefundPaymentOutput } from './payment.js';
import { giveBack, maxDecisions, move, mustFind, now, type PaymentDependencies } from './settlement.js';

type RefundStatus = RefundPaymentOutput['status'];

/**
 * Undoes an order's payment, for the saga's compensation: captured money is refunded,
 * a payment the customer has not approved yet is cancelled, and an order with no
 * payment is marked so that a late processPayment never charges it. Idempotent: a
 * repeat answers what the first call achieved.
 */
export async function refundPayment(deps: PaymentDependencies, orderId: string, correlationId: string): Promise<RefundPaymentOutput> {
  for (let round = 0; round < maxDecisions; round++) {
    const payment = await deps.payments.find(orderId);
    const status = payment ? await undo(deps, payment, correlationId) : (await deps.payments.voidOrder(orderId, newId('pay'), now(deps))) ? 'NOTHING_TO_REFUND' : undefined;
    if (status) return { orderId, status };
  }
  throw new BusyError('payment');
}

/** Undoes the payment as it is now; undefined when another writer moved it first (decide again). */
async function undo(deps: PaymentDependencies, payment: Payment, correlationId: string): Promise<RefundStatus | undefined> {
  switch (payment.status) {
    case 'DECLINED':
      return 'NOTHING_TO_REFUND';
    case 'CANCELLED':
    case 'REFUNDED':
      return payment.status;
    case 'CAPTURED': {
      if (!payment.provider || !payment.providerReference) throw new Error(`captured payment ${payment.paymentId} has no provider reference`);
      const after = await giveBack(deps, payment, payment.provider, payment.providerReference, correlationId);
      return after.status === 'REFUNDED' ? 'REFUNDED' : undefined;
    }
    case 'PENDING':
      return cancelPending(deps, payment, correlationId);
    case 'PROCESSING':
      return cancelUnanswered(deps, payment, correlationId);
  }
}

/** Withdraws the charge at the provider (where it can be), then cancels here; money the customer approved meanwhile is refunded. */
async function cancelPending(deps: PaymentDependencies, payment: Payment, correlationId: string): Promise<RefundStatus | undefined> {
  const { provider, providerReference: reference } = payment;
  const outcome = provider && reference ? await deps.gateway.cancel({ provider, reference, orderId: payment.orderId, idempotencyKey: `cancel-${payment.orderId}` }) : 'not-cancellable';
  const at = now(deps);
  const cancelled = await move(deps, {
    payment,
    to: 'CANCELLED',
    at,
    ...(provider ? { attempt: attemptAt(at, { action: 'cancel', result: outcome === 'captured' ? 'CAPTURED' : 'CANCELLED', provider, ...(reference ? { reference } : {}) }) } : {}),
    events: [paymentFailed(payment, 'payment-cancelled', correlationId, at)],
  });
  if (!cancelled) return undefined;
  if (outcome !== 'captured' || !provider || !reference) return 'CANCELLED';
  const after = await giveBack(deps, cancelled, provider, reference, correlationId);
  return after.status === 'REFUNDED' ? 'REFUNDED' : undefined;
}

/**
 * A payment whose charge has no answer yet is cancelled only when no call is charging
 * it (its lease is free or past); should the provider still capture it, that capture's
 * notice is refunded on arrival.
 */
async function cancelUnanswered(deps: PaymentDependencies, payment: Payment, correlationId: string): Promise<RefundStatus | undefined> {
  const at = now(deps);
  const cancelled = await move(deps, { payment, to: 'CANCELLED', at, unleasedAt: at, events: [paymentFailed(payment, 'payment-cancelled', correlationId, at)] });
  if (cancelled) return 'CANCELLED';
  if ((await mustFind(deps, payment.orderId)).status === 'PROCESSING') throw new PaymentInProgressError();
  return undefined;
}
