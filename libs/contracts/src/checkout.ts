import * as z from 'zod/mini';
import { ProductId } from './catalogue.js';
import { cartLimits } from './carts.js';
import { prefixedId, UserId } from './common.js';
import { defineInternalOperation } from './internal.js';
import { Money, MoneyTotal } from './money.js';

/**
 * What the checkout saga (apps/checkout) exchanges with orders and payments: the
 * internal operations its Tasks invoke and the state it carries. Orders' and
 * payments' HTTP operations live in orders.ts and payments.ts.
 */
export const OrderId = prefixedId('ord', 'Order id.');
export const PaymentId = prefixedId('pay', 'Payment id.');

export const PaymentMethod = z.enum(['CARD', 'UPI']).register(z.globalRegistry, { id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/**
 * A card token / payment method id (Stripe: `tok_…`, `pm_…`) or a UPI address
 * (`name@bank`). Never card numbers: those stay with the provider.
 */
export const PaymentToken = z
  .string()
  .check(z.minLength(3), z.maxLength(255), z.regex(/^[A-Za-z0-9_.@-]+$/, { error: 'must be a payment token or UPI address' }));

export const OrderStatus = z
  .enum(['CREATED', 'PAYMENT_PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED'])
  .register(z.globalRegistry, { id: 'OrderStatus' });
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Why an order failed; stable codes a client can branch on. */
export const OrderFailureReason = z
  .enum(['invalid-order', 'out-of-stock', 'payment-declined', 'insufficient-funds', 'payment-timeout', 'payment-unavailable', 'internal-error'])
  .register(z.globalRegistry, { id: 'OrderFailureReason' });
export type OrderFailureReason = z.infer<typeof OrderFailureReason>;

export const OrderedLine = z.object({
  productId: ProductId,
  quantity: z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity)),
});
export type OrderedLine = z.infer<typeof OrderedLine>;

const OrderRef = z.object({ orderId: OrderId });

/** The saga's first step: the order as it must be paid for, or a refusal `order-not-payable` (409). */
export const validateOrder = defineInternalOperation({
  service: 'orders',
  name: 'validateOrder',
  input: OrderRef,
  output: z.object({
    orderId: OrderId,
    userId: UserId,
    lines: z.array(OrderedLine).check(z.minLength(1)),
    total: MoneyTotal,
    payment: z.object({ method: PaymentMethod, token: PaymentToken }),
  }),
});

/**
 * CREATED → PAYMENT_PENDING, conditionally: exactly one of this and a customer's
 * cancel wins. Refused with `order-cancelled` (409) when the cancel won.
 */
export const beginPayment = defineInternalOperation({
  service: 'orders',
  name: 'beginPayment',
  input: OrderRef,
  output: z.object({ orderId: OrderId, status: z.literal('PAYMENT_PENDING') }),
});

/** A line of a confirmed order as it was priced when placed (what the customer is told they bought). */
export const ConfirmedLine = z.object({
  productId: ProductId,
  name: z.string(),
  unitPrice: Money,
  quantity: z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity)),
  lineTotal: MoneyTotal,
});

/**
 * PAYMENT_PENDING → CONFIRMED (idempotent: confirming a confirmed order answers the same),
 * answering what was confirmed, so the saga's confirmation message can name it.
 */
export const confirmOrder = defineInternalOperation({
  service: 'orders',
  name: 'confirmOrder',
  input: z.object({ orderId: OrderId, paymentId: PaymentId }),
  output: z.object({ orderId: OrderId, status: z.literal('CONFIRMED'), lines: z.array(ConfirmedLine), total: MoneyTotal }),
});

/** CREATED | PAYMENT_PENDING → FAILED with a reason (idempotent; a CANCELLED order stays CANCELLED). */
export const failOrder = defineInternalOperation({
  service: 'orders',
  name: 'failOrder',
  input: z.object({ orderId: OrderId, reason: OrderFailureReason, detail: z.optional(z.string().check(z.maxLength(500))) }),
  output: z.object({ orderId: OrderId, status: z.enum(['FAILED', 'CANCELLED']) }),
});

export const PaymentOutcome = z.enum(['CAPTURED', 'DECLINED', 'PENDING']);

/**
 * Charges an order once: idempotent on orderId (a second call answers the first
 * result and never charges again; the provider gets orderId as its idempotency key).
 * With `taskToken` (the saga's `.waitForTaskToken` Task), payments reports the final
 * outcome by SendTaskSuccess — at once for a synchronous result, from the provider's
 * webhook for one the customer approves later. A provider that cannot be reached is
 * an error (the Task retries); a decline is an answer.
 */
export const processPayment = defineInternalOperation({
  service: 'payments',
  name: 'processPayment',
  input: z.object({
    orderId: OrderId,
    userId: UserId,
    amount: MoneyTotal,
    method: PaymentMethod,
    token: PaymentToken,
    taskToken: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  }),
  output: z.object({
    paymentId: PaymentId,
    orderId: OrderId,
    status: PaymentOutcome,
    reason: z.optional(OrderFailureReason),
  }),
});

/** Undoes a payment: refunds a captured one, cancels a pending one; idempotent on orderId. */
export const refundPayment = defineInternalOperation({
  service: 'payments',
  name: 'refundPayment',
  input: OrderRef,
  output: z.object({ orderId: OrderId, status: z.enum(['REFUNDED', 'CANCELLED', 'NOTHING_TO_REFUND']) }),
});

/** The checkout state machine's input: started (once, execution name = orderId) from OrderCreated. */
export const CheckoutInput = z.object({ orderId: OrderId, correlationId: z.string() });
export type CheckoutInput = z.infer<typeof CheckoutInput>;
