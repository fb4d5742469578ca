import { MoneyTotal, PaymentMethod } from '@shoplane/contracts';
import * as z from 'zod/mini';
import type { Payment } from '../domain/payment.js';

/*
 * Table layout (one partition per order):
 * - `PK=PAYMENT#<orderId>, SK=PAYMENT`  the order's one payment: status, amount, provider
 *                                       references, attempts, the lease of the call charging
 *                                       it and the token of the saga Task waiting for it
 * - `PK=PAYMENT#<orderId>, SK=VOID`     the order was compensated before any payment began;
 *                                       a payment can then never be created for it
 * - `PK=OUTBOX#<eventId>, SK=OUTBOX`    events written with the change (lambda-kit outbox)
 */
export const paymentKey = (orderId: string) => ({ PK: `PAYMENT#${orderId}`, SK: 'PAYMENT' });
export const voidKey = (orderId: string) => ({ PK: `PAYMENT#${orderId}`, SK: 'VOID' });

const Provider = z.enum(['sandbox', 'stripe', 'razorpay']);

const StoredAttempt = z.object({
  at: z.string(),
  action: z.enum(['charge', 'refund', 'cancel', 'notice']),
  result: z.string(),
  provider: Provider,
  reference: z.optional(z.string()),
});

const StoredPayment = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  userId: z.string(),
  amount: MoneyTotal,
  method: PaymentMethod,
  status: z.enum(['PROCESSING', 'PENDING', 'CAPTURED', 'DECLINED', 'CANCELLED', 'REFUNDED']),
  declineReason: z.optional(z.enum(['payment-declined', 'insufficient-funds'])),
  provider: z.optional(Provider),
  providerReference: z.optional(z.string()),
  refundReference: z.optional(z.string()),
  leaseExpiresAt: z.optional(z.string()),
  attempts: z.array(StoredAttempt),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * The payment an item holds (keys and the task token stay in the adapter). An item that
 * does not parse is corrupt data, refused loudly rather than guessed at.
 */
export function toPayment(item: Record<string, unknown> | undefined): Payment | undefined {
  return item ? StoredPayment.parse(item) : undefined;
}

export function paymentItem(payment: Payment, taskToken: string | undefined): Record<string, unknown> {
  return { ...paymentKey(payment.orderId), ...payment, ...(taskToken ? { taskToken } : {}) };
}
