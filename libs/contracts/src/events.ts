import * as z from 'zod/mini';
import { EventId, Role, Timestamp, UserId } from './common.js';
import { Category, ProductId, ProductStatus, StockQuantity } from './catalogue.js';
import { OrderedLine, OrderFailureReason, OrderId, OrderStatus, PaymentId, PaymentMethod } from './checkout.js';
import { Money, MoneyTotal } from './money.js';
import { OrderLine } from './orders.js';

/** Every domain event travels in this envelope, as the EventBridge `detail`. */
export function eventEnvelope<T extends string, D extends z.ZodMiniType>(eventType: T, data: D) {
  return z
    .object({
      eventId: EventId,
      eventType: z.literal(eventType),
      source: z.string(),
      occurredAt: Timestamp,
      correlationId: z.string(),
      data,
    })
    .register(z.globalRegistry, { id: `${eventType}Event` });
}

export const UserRegistered = eventEnvelope(
  'UserRegistered',
  z.object({ userId: UserId, email: z.string(), name: z.string(), role: Role }),
);
export type UserRegistered = z.infer<typeof UserRegistered>;

export const ProductCreated = eventEnvelope(
  'ProductCreated',
  z.object({ productId: ProductId, name: z.string(), category: Category, price: Money, stock: StockQuantity }),
);
export type ProductCreated = z.infer<typeof ProductCreated>;

export const ProductUpdated = eventEnvelope(
  'ProductUpdated',
  z.object({
    productId: ProductId,
    name: z.string(),
    category: Category,
    price: Money,
    status: ProductStatus,
    changed: z.array(z.string()),
  }),
);
export type ProductUpdated = z.infer<typeof ProductUpdated>;

export const ProductArchived = eventEnvelope('ProductArchived', z.object({ productId: ProductId }));
export type ProductArchived = z.infer<typeof ProductArchived>;

export const InventoryUpdated = eventEnvelope(
  'InventoryUpdated',
  z.object({
    productId: ProductId,
    availableStock: z.int(),
    reservedStock: z.int(),
    /** Stock record version: consumers ignore an update older than one they applied. */
    version: z.int(),
    reason: z.enum(['created', 'restocked', 'reserved', 'committed', 'released']),
  }),
);
export type InventoryUpdated = z.infer<typeof InventoryUpdated>;

/** An order was placed (status CREATED): checkout starts from it. Never carries the payment token. */
export const OrderCreated = eventEnvelope(
  'OrderCreated',
  z.object({ orderId: OrderId, userId: UserId, lines: z.array(OrderLine), total: MoneyTotal, paymentMethod: PaymentMethod }),
);
export type OrderCreated = z.infer<typeof OrderCreated>;

/** The order was paid and its stock committed; carts removes the ordered quantities from the customer's cart. */
export const OrderConfirmed = eventEnvelope(
  'OrderConfirmed',
  z.object({ orderId: OrderId, userId: UserId, lines: z.array(OrderLine), total: MoneyTotal, paymentId: PaymentId }),
);
export type OrderConfirmed = z.infer<typeof OrderConfirmed>;

/** The order could not be completed (nothing is charged for it): a final state. */
export const OrderFailed = eventEnvelope(
  'OrderFailed',
  z.object({ orderId: OrderId, userId: UserId, reason: OrderFailureReason, detail: z.optional(z.string()) }),
);
export type OrderFailed = z.infer<typeof OrderFailed>;

/** The customer cancelled the order before payment began. */
export const OrderCancelled = eventEnvelope('OrderCancelled', z.object({ orderId: OrderId, userId: UserId }));
export type OrderCancelled = z.infer<typeof OrderCancelled>;
/**
 * What orders' sweeper asks of checkout for an order its checkout left unfinished past a
 * deadline: `restart` its checkout (it may never have started, or died), `abandon` it (fail
 * it and undo what it holds), or `settle` a failed or cancelled order whose undoing may not
 * have finished (undo what it may still hold).
 */
export const OrderCheckoutStalledAction = z.enum(['restart', 'abandon', 'settle']).register(z.globalRegistry, { id: 'OrderCheckoutStalledAction' });
export type OrderCheckoutStalledAction = z.infer<typeof OrderCheckoutStalledAction>;

/** An order was found not settled long after it was placed; checkout acts on it as `action` says. */
export const OrderCheckoutStalled = eventEnvelope(
  'OrderCheckoutStalled',
  z.object({ orderId: OrderId, userId: UserId, status: OrderStatus, action: OrderCheckoutStalledAction, placedAt: Timestamp }),
);
export type OrderCheckoutStalled = z.infer<typeof OrderCheckoutStalled>;

/** What every payment event says about the payment it concerns. */
const PaymentFacts = {
  paymentId: PaymentId,
  orderId: OrderId,
  userId: UserId,
  amount: MoneyTotal,
  method: PaymentMethod,
  /** Who moved the money: `stripe`, `razorpay`, or the local `sandbox`; absent when no provider was reached. */
  provider: z.optional(z.string()),
};

/** Why a payment did not go through: the provider declined it, or it was cancelled while the customer had not approved it. */
export const PaymentFailureReason = z
  .enum(['payment-declined', 'insufficient-funds', 'payment-cancelled'])
  .register(z.globalRegistry, { id: 'PaymentFailureReason' });
export type PaymentFailureReason = z.infer<typeof PaymentFailureReason>;

/** The order's money was captured (at once, or when the customer approved it). */
export const PaymentSucceeded = eventEnvelope('PaymentSucceeded', z.object(PaymentFacts));
export type PaymentSucceeded = z.infer<typeof PaymentSucceeded>;

export const PaymentFailed = eventEnvelope('PaymentFailed', z.object({ ...PaymentFacts, reason: PaymentFailureReason }));
export type PaymentFailed = z.infer<typeof PaymentFailed>;

/** Captured money went back to the customer (a failed order's compensation, or an approval that came too late). */
export const PaymentRefunded = eventEnvelope('PaymentRefunded', z.object(PaymentFacts));
export type PaymentRefunded = z.infer<typeof PaymentRefunded>;

/**
 * The checkout saga confirmed an order: paid, stock committed, order CONFIRMED. Emitted by
 * the state machine itself (EventBridge PutEvents task) for analytics; its `eventId` is
 * derived from the order id, so a retried PutEvents carries the same id and is deduplicated.
 */
export const CheckoutCompleted = eventEnvelope(
  'CheckoutCompleted',
  z.object({
    orderId: OrderId,
    userId: UserId,
    paymentId: PaymentId,
    total: MoneyTotal,
    lines: z.array(OrderedLine),
    /** When the checkout execution started; with `occurredAt` it gives the checkout's duration. */
    startedAt: Timestamp,
  }),
);
export type CheckoutCompleted = z.infer<typeof CheckoutCompleted>;

/** Event catalogue: type → schema. Consumers validate what they receive with it. */
export const domainEvents = {
  UserRegistered,
  ProductCreated,
  ProductUpdated,
  ProductArchived,
  InventoryUpdated,
  OrderCreated,
  OrderConfirmed,
  OrderFailed,
  OrderCancelled,
  OrderCheckoutStalled,
  PaymentSucceeded,
  PaymentFailed,
  PaymentRefunded,
  CheckoutCompleted,
} as const;

export type DomainEventType = keyof typeof domainEvents;
export type DomainEvent<T extends DomainEventType = DomainEventType> = z.infer<(typeof domainEvents)[T]>;
export type EventData<T extends DomainEventType> = DomainEvent<T>['data'];
