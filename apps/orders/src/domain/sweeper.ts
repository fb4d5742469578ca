import { toEnvelope, type DomainEvent, type OrderCheckoutStalledAction } from '@shoplane/contracts';
import type { StoredOrder } from './order.js';
import { now, type OrdersDependencies } from './orders.js';
import { nextSweepAt, sweepActionFor, sweepPolicy, type SweepAction, type SweepPolicy } from './sweep.js';

type SweeperDependencies = Pick<OrdersDependencies, 'orders' | 'clock'>;

export interface SweepLimits {
  /** Orders read per Query. */
  pageSize: number;
  /** Queries per run: a run handles at most pageSize × pages orders; the next run goes on. */
  pages: number;
}

export const sweepLimits: SweepLimits = { pageSize: 25, pages: 4 };

/** One order a sweep acted on (its conditional write won). */
export interface SweptOrderOutcome {
  orderId: string;
  status: StoredOrder['status'];
  action: SweepAction;
}

const asksCheckout = (action: SweepAction): action is OrderCheckoutStalledAction => action === 'restart' || action === 'abandon' || action === 'settle';

function stalledEvent(order: StoredOrder, action: OrderCheckoutStalledAction, at: Date): DomainEvent {
  return toEnvelope(
    'orders',
    {
      eventType: 'OrderCheckoutStalled',
      correlationId: order.correlationId,
      data: { orderId: order.orderId, userId: order.userId, status: order.status, action, placedAt: order.createdAt },
    },
    at,
  );
}

/**
 * Looks at every order that came due (sweep.ts says when) and hands each to checkout as an
 * OrderCheckoutStalled event, in the same transaction that moves its due time on, on
 * condition that its status and due time are still as read: a sweep racing a checkout step
 * or another sweep writes nothing, and the order is decided again when next due.
 */
export async function sweepStuckOrders(deps: SweeperDependencies, limits: SweepLimits = sweepLimits, policy: SweepPolicy = sweepPolicy): Promise<SweptOrderOutcome[]> {
  const at = now(deps);
  const swept: SweptOrderOutcome[] = [];
  for (let page = 0; page < limits.pages; page++) {
    const due = await deps.orders.dueForSweep(at, limits.pageSize);
    for (const order of due) {
      const action = sweepActionFor(order, at, policy);
      const events = asksCheckout(action) ? [stalledEvent(order, action, at)] : [];
      if (await deps.orders.recordSweep(order, nextSweepAt(order, action, at, policy), events)) swept.push({ orderId: order.orderId, status: order.status, action });
    }
    if (due.length < limits.pageSize) break;
  }
  return swept;
}
