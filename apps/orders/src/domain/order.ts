import type {
  MoneyTotal,
  Order,
  OrderFailureReason,
  OrderLine,
  OrderPaymentStatus,
  OrderStatus,
  PaymentMethod,
  ShippingAddress,
  StatusChange,
} from '@shoplane/contracts';
import { isFinal } from './order-status.js';
import { sweepDueAt } from './sweep.js';

/** An order as orders keeps it: what the customer sees, plus the payment token only checkout may read. */
export interface StoredOrder {
  orderId: string;
  userId: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: MoneyTotal;
  payment: {
    method: PaymentMethod;
    /** Dropped when the order reaches a final status: nothing will charge it again. */
    token?: string;
    paymentId?: string;
  };
  shippingAddress?: ShippingAddress;
  failure?: { reason: OrderFailureReason; detail?: string };
  statusHistory: StatusChange[];
  /** Of the request that placed the order; checkout's events carry it too. */
  correlationId: string;
  createdAt: string;
  updatedAt: string;
  /** When the sweeper looks at the order next (sweep.ts); absent once it is settled for good. */
  sweepDueAt?: string;
}

/** What a move adds to the order besides its status. */
export interface MoveDetails {
  paymentId?: string;
  failure?: { reason: OrderFailureReason; detail?: string };
}

/** The order after a move to `to` at `at`: the status, its moment in the history, and what the step brought. */
export function moved(order: StoredOrder, to: OrderStatus, at: Date, details: MoveDetails = {}): StoredOrder {
  const when = at.toISOString();
  const { token, ...payment } = order.payment;
  const { sweepDueAt: _previous, ...rest } = order;
  const due = sweepDueAt({ status: to, createdAt: order.createdAt, updatedAt: when });
  return {
    ...rest,
    status: to,
    payment: { ...payment, ...(isFinal(to) ? {} : { token }), ...(details.paymentId ? { paymentId: details.paymentId } : {}) },
    ...(details.failure ? { failure: details.failure } : {}),
    statusHistory: [...order.statusHistory, { status: to, at: when }],
    updatedAt: when,
    ...(due ? { sweepDueAt: due.toISOString() } : {}),
  };
}

const paymentStatusOf: Record<OrderStatus, OrderPaymentStatus> = {
  CREATED: 'NOT_STARTED',
  PAYMENT_PENDING: 'PENDING',
  CONFIRMED: 'PAID',
  // Checkout refunds a captured payment before it fails an order.
  FAILED: 'NOT_CHARGED',
  CANCELLED: 'NOT_CHARGED',
};

/** The order as its customer sees it: never the payment token. */
export function toOrderView(order: StoredOrder): Order {
  return {
    orderId: order.orderId,
    status: order.status,
    lines: order.lines,
    total: order.total,
    payment: {
      method: order.payment.method,
      status: paymentStatusOf[order.status],
      ...(order.payment.paymentId ? { paymentId: order.payment.paymentId } : {}),
    },
    ...(order.shippingAddress ? { shippingAddress: order.shippingAddress } : {}),
    ...(order.failure ? { failureReason: order.failure.reason } : {}),
    statusHistory: order.statusHistory,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function unitsOf(lines: readonly Pick<OrderLine, 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
