import type { OrderCheckoutStalled } from '@shoplane/contracts';
import { compensateOrder, type CompensationOutcome, type OrderSettlement } from './backstop.js';
import { startCheckout, type CheckoutExecutions } from './checkout-start.js';

export interface StalledCheckoutDependencies {
  executions: CheckoutExecutions;
  settlement: OrderSettlement;
}

export type StalledCheckoutOutcome = { action: 'restarted' } | CompensationOutcome;

/**
 * What orders' sweeper asks for an order checkout left unsettled (OrderCheckoutStalled):
 *
 * - `restart`: start its execution again under its name. Step Functions answers a start of a
 *   running execution with the same input as the first, so a checkout still under way goes
 *   on untouched; an execution that has ended is refused (ExecutionAlreadyExists): it ended
 *   and left the order open, so the order gets the backstop's compensation.
 * - `abandon`: every execution has ended long ago and the order is still open: compensate it.
 * - `settle`: a failed or cancelled order whose undoing may have died midway: compensate it
 *   again (failOrder answers it as it is, release and refund finish what is left).
 */
export async function resumeStalledCheckout(deps: StalledCheckoutDependencies, event: Pick<OrderCheckoutStalled, 'data' | 'correlationId'>): Promise<StalledCheckoutOutcome> {
  const { orderId, action, placedAt } = event.data;
  if (action === 'restart') {
    if ((await startCheckout(deps.executions, event)) === 'started') return { action: 'restarted' };
    return compensateOrder(deps.settlement, orderId, 'The checkout ended without settling the order; the sweeper found it open.');
  }
  const detail =
    action === 'abandon'
      ? `Checkout abandoned: the order placed at ${placedAt} was still open after every execution must have ended.`
      : 'Settled by the sweeper: its earlier compensation may not have finished.';
  return compensateOrder(deps.settlement, orderId, detail);
}
