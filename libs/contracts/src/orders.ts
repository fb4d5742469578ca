import * as z from 'zod/mini';
import { ProductId } from './catalogue.js';
import { cartLimits } from './carts.js';
import { OrderedLine, OrderFailureReason, OrderId, OrderStatus, PaymentId, PaymentMethod, PaymentToken } from './checkout.js';
import { Timestamp } from './common.js';
import { defineOperation } from './http.js';
import { Money, MoneyTotal } from './money.js';

const upiAddress = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$/;

export const PaymentDetails = z
  .strictObject({ method: PaymentMethod, token: PaymentToken })
  .check(
    z.refine((payment) => (payment.method === 'UPI' ? upiAddress.test(payment.token) : !payment.token.includes('@')), {
      error: 'must be a card token for CARD and a UPI address (name@bank) for UPI',
      path: ['token'],
    }),
  )
  .register(z.globalRegistry, {
    id: 'PaymentDetails',
    description: 'How the order is paid: a card token (`tok_…`, `pm_…`) or a UPI address. Kept for checkout only; never shown again.',
    examples: [{ method: 'CARD', token: 'tok_visa' }],
  });

const addressText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const ShippingAddress = z
  .strictObject({
    name: addressText(200),
    line1: addressText(200),
    line2: z.optional(addressText(200)),
    city: addressText(100),
    region: z.optional(addressText(100)),
    postalCode: addressText(20),
    country: z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code, e.g. US' })),
  })
  .register(z.globalRegistry, {
    id: 'ShippingAddress',
    examples: [{ name: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' }],
  });

// Strict as a request; OrderedLine itself also carries lines read off fuller ones (events, saga state).
const RequestedLine = z.strictObject(OrderedLine.shape);

export const CreateOrderRequest = z
  .strictObject({
    items: z.optional(
      z
        .array(RequestedLine)
        .check(
          z.minLength(1),
          z.maxLength(cartLimits.maxLines),
          z.refine((items) => new Set(items.map((item) => item.productId)).size === items.length, { error: 'must not repeat a product' }),
        )
        .register(z.globalRegistry, { description: 'What to order; without it, the caller\'s cart is ordered.' }),
    ),
    payment: PaymentDetails,
    shippingAddress: z.optional(ShippingAddress),
  })
  .register(z.globalRegistry, { id: 'CreateOrderRequest' });

/** One line as it was ordered: the catalogue's name and price at that moment, kept whatever the catalogue does later. */
export const OrderLine = z
  .object({
    productId: ProductId,
    name: z.string(),
    unitPrice: Money,
    quantity: z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity)),
    lineTotal: MoneyTotal,
  })
  .register(z.globalRegistry, {
    id: 'OrderLine',
    examples: [
      {
        productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
        name: 'Espresso cup',
        unitPrice: { amount: 1299, currency: 'USD' },
        quantity: 2,
        lineTotal: { amount: 2598, currency: 'USD' },
      },
    ],
  });

export const OrderPaymentStatus = z
  .enum(['NOT_STARTED', 'PENDING', 'PAID', 'NOT_CHARGED'])
  .register(z.globalRegistry, {
    id: 'OrderPaymentStatus',
    description: 'NOT_STARTED until checkout charges the order, PENDING while the provider decides, PAID once confirmed, NOT_CHARGED when it failed or was cancelled.',
  });

export const StatusChange = z
  .object({ status: OrderStatus, at: Timestamp })
  .register(z.globalRegistry, { id: 'StatusChange', description: 'When the order reached a status.' });

export const Order = z
  .object({
    orderId: OrderId,
    status: OrderStatus,
    lines: z.array(OrderLine),
    total: MoneyTotal,
    payment: z.object({ method: PaymentMethod, status: OrderPaymentStatus, paymentId: z.optional(PaymentId) }),
    shippingAddress: z.optional(ShippingAddress),
    failureReason: z.optional(OrderFailureReason),
    statusHistory: z.array(StatusChange).register(z.globalRegistry, { description: 'Every status the order reached, oldest first.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Order' });

export const OrderSummary = z
  .object({
    orderId: OrderId,
    status: OrderStatus,
    total: MoneyTotal,
    itemCount: z.int().register(z.globalRegistry, { description: 'Units ordered, over all lines.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'OrderSummary' });

export const OrderPage = z
  .object({
    items: z.array(OrderSummary),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .register(z.globalRegistry, { id: 'OrderPage' });

export const CreateOrderResponse = z
  .object({ orderId: OrderId, status: OrderStatus })
  .register(z.globalRegistry, { id: 'CreateOrderResponse' });

export const ListOrdersQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export const OrderPath = z.object({ orderId: OrderId });

export type PaymentDetails = z.infer<typeof PaymentDetails>;
export type ShippingAddress = z.infer<typeof ShippingAddress>;
export type CreateOrderRequest = z.infer<typeof CreateOrderRequest>;
export type OrderLine = z.infer<typeof OrderLine>;
export type OrderPaymentStatus = z.infer<typeof OrderPaymentStatus>;
export type StatusChange = z.infer<typeof StatusChange>;
export type Order = z.infer<typeof Order>;
export type OrderSummary = z.infer<typeof OrderSummary>;
export type OrderPage = z.infer<typeof OrderPage>;
export type ListOrdersQuery = z.output<typeof ListOrdersQuery>;

export const createOrder = defineOperation({
  operationId: 'createOrder',
  method: 'post',
  path: '/orders',
  auth: 'user',
  tags: ['orders'],
  summary: 'Place an order',
  description:
    'Orders `items`, or without them the caller\'s cart, at the catalogue\'s prices now (never the client\'s). ' +
    'Every product must exist and be sold (422, naming the lines), in one currency (422), with enough stock available now (409, naming the lines). ' +
    'The order is stored as `CREATED` and `OrderCreated` starts checkout. `Idempotency-Key` is required: a retry with the same key and body ' +
    'answers the same order (200, `idempotent-replayed: true`); the same key with another body is a 422. The cart keeps its lines until the order is confirmed.',
  request: { body: CreateOrderRequest, idempotencyKey: 'required' },
  responses: {
    201: { description: 'The order was placed; `Location` names it.', schema: CreateOrderResponse },
    200: { description: 'A retry with the same Idempotency-Key and body: the order it placed.', schema: CreateOrderResponse },
  },
  problems: [409, 422, 503],
});

export const listOrders = defineOperation({
  operationId: 'listOrders',
  method: 'get',
  path: '/orders',
  auth: 'user',
  tags: ['orders'],
  summary: 'The caller\'s orders',
  description: 'Newest first. Page with `limit` (default 20) and the opaque `nextCursor`; a cursor from another query is a 400.',
  request: { query: ListOrdersQuery },
  responses: { 200: { description: 'One page of the caller\'s orders.', schema: OrderPage } },
  problems: [400, 422],
});

export const getOrder = defineOperation({
  operationId: 'getOrder',
  method: 'get',
  path: '/orders/{orderId}',
  auth: 'user',
  tags: ['orders'],
  summary: 'One of the caller\'s orders',
  description: 'Its lines as ordered, total, payment (method and status, never the token), failure reason and when each status was reached. Another customer\'s order is a 404.',
  request: { params: OrderPath },
  responses: { 200: { description: 'The order.', schema: Order } },
  problems: [404],
});

export const cancelOrder = defineOperation({
  operationId: 'cancelOrder',
  method: 'post',
  path: '/orders/{orderId}/cancel',
  auth: 'user',
  tags: ['orders'],
  summary: 'Cancel an order',
  description:
    'Only before payment begins (`CREATED`); once checkout has started charging it, a 409 `order-not-cancellable`. Cancelling a cancelled order answers it again. Emits `OrderCancelled`.',
  request: { params: OrderPath },
  responses: { 200: { description: 'The cancelled order.', schema: Order } },
  problems: [404, 409],
});

export const orderOperations = [createOrder, listOrders, getOrder, cancelOrder];
