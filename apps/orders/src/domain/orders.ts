import type { CreateOrderRequest, ListOrdersQuery, Order, OrderStatus, Product } from '@shoplane/contracts';
import { newId, toEnvelope, type Caller } from '@shoplane/contracts';
import { OrderNotFoundError } from './errors.js';
import { toOrderView, type StoredOrder } from './order.js';
import type { CartSource, OrderPage, OrderRepository, ProductCatalogue } from './ports.js';
import { priceOrder } from './pricing.js';
import { sweepDueAt } from './sweep.js';

export interface OrdersDependencies {
  orders: OrderRepository;
  catalogue: ProductCatalogue;
  cart: CartSource;
  clock?: () => Date;
}

export const now = (deps: Pick<OrdersDependencies, 'clock'>) => deps.clock?.() ?? new Date();

export const defaultPageSize = 20;

export interface PlaceOrder {
  caller: Caller;
  request: CreateOrderRequest;
  correlationId: string;
  /** The client's Idempotency-Key: one order per key, even when an answer was lost. */
  idempotencyKey?: string;
}

export interface PlacedOrder {
  orderId: string;
  status: OrderStatus;
  /** True when the key had already placed this order (the request is a retry). */
  existing: boolean;
}

/**
 * Places an order for `items`, or for what the customer's cart holds now, at the
 * catalogue's prices. The order is stored CREATED with OrderCreated (which starts
 * checkout) in one transaction. The cart is left alone: carts takes the ordered
 * lines out once the order is confirmed.
 */
export async function placeOrder(deps: OrdersDependencies, command: PlaceOrder): Promise<PlacedOrder> {
  const { caller, request, correlationId } = command;
  const wanted = request.items ?? (await deps.cart.linesOf(caller.userId, correlationId));
  const products = wanted.length === 0 ? new Map<string, Product>() : await deps.catalogue.productsByIds(wanted.map((line) => line.productId), correlationId);
  const { lines, total } = priceOrder(wanted, products, request.items ? 'items' : 'cart.items');
  const at = now(deps).toISOString();
  const order: StoredOrder = {
    orderId: newId('ord'),
    userId: caller.userId,
    status: 'CREATED',
    lines,
    total,
    payment: { method: request.payment.method, token: request.payment.token },
    ...(request.shippingAddress ? { shippingAddress: request.shippingAddress } : {}),
    statusHistory: [{ status: 'CREATED', at }],
    correlationId: command.correlationId,
    createdAt: at,
    updatedAt: at,
  };
  const due = sweepDueAt(order);
  if (due) order.sweepDueAt = due.toISOString();
  const created = toEnvelope(
    'orders',
    { eventType: 'OrderCreated', correlationId: command.correlationId, data: { orderId: order.orderId, userId: order.userId, lines, total, paymentMethod: order.payment.method } },
    new Date(at),
  );
  const requestKey = command.idempotencyKey ? { userId: caller.userId, idempotencyKey: command.idempotencyKey } : undefined;
  const outcome = await deps.orders.create(order, [created], requestKey);
  if (outcome.kind === 'created') return { orderId: order.orderId, status: order.status, existing: false };
  const existing = await deps.orders.find(outcome.orderId);
  return { orderId: outcome.orderId, status: existing?.status ?? 'CREATED', existing: true };
}

/** The caller's own order; another customer's answers exactly as a missing one. */
export async function ownOrder(deps: Pick<OrdersDependencies, 'orders'>, caller: Caller, orderId: string): Promise<StoredOrder> {
  const order = await deps.orders.find(orderId);
  if (!order || order.userId !== caller.userId) throw new OrderNotFoundError();
  return order;
}

export async function viewOrder(deps: Pick<OrdersDependencies, 'orders'>, caller: Caller, orderId: string): Promise<Order> {
  return toOrderView(await ownOrder(deps, caller, orderId));
}

export async function listOwnOrders(deps: Pick<OrdersDependencies, 'orders'>, caller: Caller, query: ListOrdersQuery): Promise<OrderPage> {
  return deps.orders.listByUser(caller.userId, query.limit ?? defaultPageSize, query.cursor);
}
