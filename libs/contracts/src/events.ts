import * as z from 'zod/mini';
import { EventId, Role, Timestamp, UserId } from './common.js';
import { Category, ProductId, ProductStatus, StockQuantity } from './catalogue.js';
import { Money, MoneyTotal } from './money.js';
import { OrderedLine, OrderId, PaymentId } from './checkout.js';

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

/**
 * An order was placed (orders emits it); checkout starts the order's saga from it.
 * Minimal here: orders' full line snapshot and total are reconciled with orders.ts.
 */
export const OrderCreated = eventEnvelope('OrderCreated', z.object({ orderId: OrderId, userId: UserId }));
export type OrderCreated = z.infer<typeof OrderCreated>;

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
  CheckoutCompleted,
} as const;

export type DomainEventType = keyof typeof domainEvents;
export type DomainEvent<T extends DomainEventType = DomainEventType> = z.infer<(typeof domainEvents)[T]>;
export type EventData<T extends DomainEventType> = DomainEvent<T>['data'];
