import { BusyError, type DomainEvent, type InternalOutput, type OrderFailureReason, type validateOrder, toEnvelope, type Caller } from '@shoplane/contracts';
import { OrderNotFoundError, OrderNotPayableError } from './errors.js';
import { moved, type MoveDetails, type StoredOrder } from './order.js';
import { now, type OrdersDependencies } from './orders.js';
import { decide, type Step } from './steps.js';

type LifecycleDependencies = Pick<OrdersDependencies, 'orders' | 'clock'>;

/**
 * A lost race leaves the order in a later status (statuses only move forward, at
 * most two steps from CREATED), so deciding again on it settles within this many reads.
 */
const attemptsPerStep = 3;

interface StepRun {
  step: Step;
  orderId: string;
  /** For the customer's own steps: someone else's order is not found. */
  owner?: Caller;
  details?: MoveDetails;
  /** The events a move publishes, from the order as it is after the move. */
  events?: (order: StoredOrder) => DomainEvent[];
}

/** The order after a step, and whether this call moved it (a repeat only answers). */
export interface StepResult {
  order: StoredOrder;
  moved: boolean;
}

/**
 * Runs one step on an order: reads it, decides by its status (steps.ts), and writes
 * the move on condition that the status still allows it. When another step wins the
 * race, the decision is taken again on what it left, so every step is safe to repeat
 * and two racing steps never both move the order.
 */
async function runStep(deps: LifecycleDependencies, run: StepRun): Promise<StepResult> {
  for (let attempt = 1; attempt <= attemptsPerStep; attempt++) {
    const order = await deps.orders.find(run.orderId);
    if (!order || (run.owner && order.userId !== run.owner.userId)) throw new OrderNotFoundError();
    const decision = decide(run.step, order.status);
    if (decision.kind === 'refuse') throw decision.error;
    if (decision.kind === 'answer') return { order, moved: false };
    const next = moved(order, decision.to, now(deps), run.details);
    if (await deps.orders.move(order, next, run.events?.(next) ?? [])) return { order: next, moved: true };
  }
  throw new BusyError('order');
}

/** The order as checkout charges it; only a CREATED order is payable. */
export async function orderToPay(deps: LifecycleDependencies, orderId: string): Promise<InternalOutput<typeof validateOrder>> {
  const { order } = await runStep(deps, { step: 'validate', orderId });
  if (!order.payment.token) throw new OrderNotPayableError(order.status);
  return {
    orderId: order.orderId,
    userId: order.userId,
    lines: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    total: order.total,
    payment: { method: order.payment.method, token: order.payment.token },
  };
}

export async function beginPayment(deps: LifecycleDependencies, orderId: string): Promise<StoredOrder> {
  return (await runStep(deps, { step: 'beginPayment', orderId })).order;
}

/** Checkout's events carry the correlation id of the request that placed the order, so one id follows it end to end. */
export async function confirmOrder(deps: LifecycleDependencies, orderId: string, paymentId: string): Promise<StepResult> {
  return runStep(deps, {
    step: 'confirm',
    orderId,
    details: { paymentId },
    events: (order) => [
      toEnvelope(
        'orders',
        {
          eventType: 'OrderConfirmed',
          correlationId: order.correlationId,
          data: { orderId, userId: order.userId, lines: order.lines, total: order.total, paymentId },
        },
        new Date(order.updatedAt),
      ),
    ],
  });
}

export interface Failure {
  reason: OrderFailureReason;
  detail?: string;
}

export async function failOrder(deps: LifecycleDependencies, orderId: string, failure: Failure): Promise<StepResult> {
  return runStep(deps, {
    step: 'fail',
    orderId,
    details: { failure },
    events: (order) => [
      toEnvelope(
        'orders',
        { eventType: 'OrderFailed', correlationId: order.correlationId, data: { orderId, userId: order.userId, reason: failure.reason } },
        new Date(order.updatedAt),
      ),
    ],
  });
}

/** The customer's cancel: only before payment begins, and exactly one of it and beginPayment wins. */
export async function cancelOrder(deps: LifecycleDependencies, caller: Caller, orderId: string, correlationId: string): Promise<StoredOrder> {
  const { order } = await runStep(deps, {
    step: 'cancel',
    orderId,
    owner: caller,
    events: (order) => [toEnvelope('orders', { eventType: 'OrderCancelled', correlationId, data: { orderId, userId: order.userId } }, new Date(order.updatedAt))],
  });
  return order;
}
