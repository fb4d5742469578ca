import type { OrderCheckoutStalledAction, OrderStatus } from '@shoplane/contracts';

const minute = 60_000;

/**
 * When an order not yet settled is due for the sweeper, measured from checkout's own
 * bounds (apps/checkout: a 15-minute payment wait, a 1-hour execution timeout).
 */
export interface SweepPolicy {
  /** A CREATED order checkout should have moved on within seconds: restart its checkout this long after placing. */
  restartCreatedAfterMs: number;
  /** A PAYMENT_PENDING order waits for the customer at most the payment timeout: restart it this long after payment began. */
  restartPayingAfterMs: number;
  /** Past this age every execution has ended (its timeout, plus margin): an open order is abandoned, a failed one settled. */
  abandonAfterMs: number;
  /** A failed or cancelled order is settled once, at least this long after it failed (its own undoing has had its time). */
  settleAfterMs: number;
  /** A restarted order is looked at again this much later. */
  restartEveryMs: number;
}

export const sweepPolicy: SweepPolicy = {
  restartCreatedAfterMs: 2 * minute,
  restartPayingAfterMs: 17 * minute,
  abandonAfterMs: 75 * minute,
  settleAfterMs: 15 * minute,
  restartEveryMs: 10 * minute,
};

/** What the sweeper reads of an order. */
export interface SweptOrder {
  status: OrderStatus;
  createdAt: string;
  /** When it reached its status. */
  updatedAt: string;
}

/** What the sweeper does with a due order: ask checkout for an action, look again later (`wait`), or stop watching it (`forget`). */
export type SweepAction = OrderCheckoutStalledAction | 'wait' | 'forget';

const at = (timestamp: string, plusMs: number) => new Date(Date.parse(timestamp) + plusMs);
const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((date) => date.getTime())));

/**
 * When the sweeper should first look at an order in `status`; undefined once nothing can be
 * left to undo (CONFIRMED). A failed or cancelled order stays watched until it is settled.
 */
export function sweepDueAt(order: SweptOrder, policy: SweepPolicy = sweepPolicy): Date | undefined {
  switch (order.status) {
    case 'CREATED':
      return at(order.updatedAt, policy.restartCreatedAfterMs);
    case 'PAYMENT_PENDING':
      return at(order.updatedAt, policy.restartPayingAfterMs);
    case 'FAILED':
    case 'CANCELLED':
      return latest(at(order.createdAt, policy.abandonAfterMs), at(order.updatedAt, policy.settleAfterMs));
    case 'CONFIRMED':
      return undefined;
  }
}

/** The action for an order that came due at `now`. */
export function sweepActionFor(order: SweptOrder, now: Date, policy: SweepPolicy = sweepPolicy): SweepAction {
  const due = sweepDueAt(order, policy);
  if (!due) return 'forget';
  if (due > now) return 'wait';
  if (order.status === 'FAILED' || order.status === 'CANCELLED') return 'settle';
  return now >= at(order.createdAt, policy.abandonAfterMs) ? 'abandon' : 'restart';
}

/**
 * When to look at the order again after `action`; undefined when the sweeper is done with it.
 * A restart is looked at again (and abandoned at the latest when every execution has ended);
 * an abandoned order is failed by checkout, which makes it due for its one settling.
 */
export function nextSweepAt(order: SweptOrder, action: SweepAction, now: Date, policy: SweepPolicy = sweepPolicy): Date | undefined {
  switch (action) {
    case 'restart': {
      const again = new Date(now.getTime() + policy.restartEveryMs);
      const abandon = at(order.createdAt, policy.abandonAfterMs);
      return again < abandon ? again : abandon;
    }
    case 'abandon':
      return new Date(now.getTime() + policy.restartEveryMs);
    case 'wait':
      return sweepDueAt(order, policy);
    case 'settle':
    case 'forget':
      return undefined;
  }
}
