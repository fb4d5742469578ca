import { MoneyTotal, OrderFailureReason, OrderLine, OrderStatus, PaymentMethod, ShippingAddress, StatusChange, type OrderSummary } from '@shoplane/contracts';
import type { TableIndex } from '@shoplane/manifest';
import * as z from 'zod/mini';
import { unitsOf, type StoredOrder } from '../domain/order.js';

/** Each customer's orders, newest first: order ids are ULIDs, so their string order is their creation order. */
export const ordersByUser = {
  name: 'byUser',
  partitionKey: { name: 'GSI1PK', type: 'S' },
  sortKey: { name: 'GSI1SK', type: 'S' },
} as const satisfies TableIndex;

/**
 * Orders the sweeper must look at, by when: sparse (only an order with `sweepDueAt` is in
 * it), so a Query for what is due reads nothing settled.
 */
export const ordersDueForSweep = {
  name: 'bySweepDue',
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
} as const satisfies TableIndex;

/** The one partition of `bySweepDue`: orders awaiting settlement are few at any time. */
export const sweepPartition = 'SWEEP';

export const orderKey = (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ORDER' });
export const userPartition = (userId: string) => `USER#${userId}`;
export const requestKeyOf = (userId: string, idempotencyKey: string) => ({ PK: `ORDER_REQUEST#${userId}#${idempotencyKey}`, SK: 'ORDER_REQUEST' });

type Item = Record<string, unknown>;

export function itemFromOrder(order: StoredOrder): Item {
  return {
    ...orderKey(order.orderId),
    GSI1PK: userPartition(order.userId),
    GSI1SK: order.orderId,
    orderId: order.orderId,
    userId: order.userId,
    status: order.status,
    lines: order.lines,
    itemCount: unitsOf(order.lines),
    total: order.total,
    paymentMethod: order.payment.method,
    paymentToken: order.payment.token,
    paymentId: order.payment.paymentId,
    shippingAddress: order.shippingAddress,
    failureReason: order.failure?.reason,
    failureDetail: order.failure?.detail,
    statusHistory: order.statusHistory,
    correlationId: order.correlationId,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    ...(order.sweepDueAt ? { GSI2PK: sweepPartition, GSI2SK: order.sweepDueAt } : {}),
  };
}

/** Thrown for a stored item that is not an order: a bug or a hand edit, never the client's doing. */
class CorruptOrderItemError extends Error {
  constructor(what: string, issues: string[]) {
    super(`Stored ${what} item is not valid at: ${issues.join(', ')}`);
    this.name = 'CorruptOrderItemError';
  }
}

const summaryFields = {
  orderId: z.string(),
  status: OrderStatus,
  total: MoneyTotal,
  itemCount: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const OrderItem = z.object({
  ...summaryFields,
  userId: z.string(),
  lines: z.array(OrderLine),
  paymentMethod: PaymentMethod,
  paymentToken: z.optional(z.string()),
  paymentId: z.optional(z.string()),
  shippingAddress: z.optional(ShippingAddress),
  failureReason: z.optional(OrderFailureReason),
  failureDetail: z.optional(z.string()),
  statusHistory: z.array(StatusChange),
  correlationId: z.string(),
  GSI2SK: z.optional(z.string()),
});

const SummaryItem = z.object(summaryFields);

function parsed<S extends z.ZodMiniType>(schema: S, item: Item, what: string): z.output<S> {
  const result = schema.safeParse(item);
  if (!result.success) throw new CorruptOrderItemError(what, result.error.issues.map((issue) => issue.path.join('.')));
  return result.data;
}

export function orderFromItem(item: Item): StoredOrder {
  const stored = parsed(OrderItem, item, 'order');
  const { paymentToken: token, paymentId, failureReason: reason, failureDetail: detail, shippingAddress } = stored;
  return {
    orderId: stored.orderId,
    userId: stored.userId,
    status: stored.status,
    lines: stored.lines,
    total: stored.total,
    payment: { method: stored.paymentMethod, ...(token ? { token } : {}), ...(paymentId ? { paymentId } : {}) },
    ...(shippingAddress ? { shippingAddress } : {}),
    ...(reason ? { failure: { reason, ...(detail ? { detail } : {}) } } : {}),
    statusHistory: stored.statusHistory,
    correlationId: stored.correlationId,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    ...(stored.GSI2SK ? { sweepDueAt: stored.GSI2SK } : {}),
  };
}

/** The attributes a list row reads: never the lines, the address or the payment token. */
export const summaryAttributes = Object.keys(summaryFields);

export function summaryFromItem(item: Item): OrderSummary {
  return parsed(SummaryItem, item, 'order summary');
}
