import type { DomainEvent, PaymentFailureReason } from '@shoplane/contracts';
import { toEnvelope } from '@shoplane/contracts';
import type { Payment } from './payment.js';

/** What every payment event says about its payment. */
function factsOf(payment: Payment) {
  return {
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    userId: payment.userId,
    amount: payment.amount,
    method: payment.method,
    ...(payment.provider ? { provider: payment.provider } : {}),
  };
}

export function paymentSucceeded(payment: Payment, correlationId: string, at: Date): DomainEvent {
  return toEnvelope('payments', { eventType: 'PaymentSucceeded', correlationId, data: factsOf(payment) }, at);
}

export function paymentFailed(payment: Payment, reason: PaymentFailureReason, correlationId: string, at: Date): DomainEvent {
  return toEnvelope('payments', { eventType: 'PaymentFailed', correlationId, data: { ...factsOf(payment), reason } }, at);
}

export function paymentRefunded(payment: Payment, correlationId: string, at: Date): DomainEvent {
  return toEnvelope('payments', { eventType: 'PaymentRefunded', correlationId, data: factsOf(payment) }, at);
}
