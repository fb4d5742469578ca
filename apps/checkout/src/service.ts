import {
  beginPayment,
  commitReservation,
  confirmOrder,
  failOrder,
  internalOperationKey,
  processPayment,
  refundPayment,
  releaseReservation,
  reserveStock,
  sendNotification,
  validateOrder,
} from '@shoplane/contracts';
import { defineOrchestrator } from '@shoplane/manifest';

/** The detail-type Step Functions gives its execution status events (on the account's default bus). */
export const executionStatusChange = 'Step Functions Execution Status Change';

/** Execution statuses after which an order may be left unsettled: the backstop's trigger. */
export const abnormalEndings = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/**
 * Checkout: runs each order's saga (validate → reserve → pay → commit → confirm) as a
 * Standard Step Functions execution named after the order, and compensates when a step
 * refuses. It owns no table: orders, inventory and payments own the state it moves.
 *
 * - `start-checkout` starts the execution from OrderCreated (once per order: the
 *   execution name is the order id).
 * - `on-execution-ended` is the backstop: an execution that fails, times out or is
 *   aborted gets its order failed, its stock released and its payment refunded.
 * - `resume-checkout` acts on orders' sweeper (OrderCheckoutStalled): restarts an order's
 *   execution, or gives an order no execution will finish the backstop's compensation.
 */
export const orchestrator = defineOrchestrator({
  name: 'checkout',
  stateMachine: {
    arnVariable: 'CHECKOUT_STATE_MACHINE_ARN',
    invokes: [validateOrder, reserveStock, beginPayment, processPayment, commitReservation, confirmOrder, sendNotification, failOrder, releaseReservation, refundPayment].map(
      internalOperationKey,
    ),
    startedBy: ['start-checkout', 'resume-checkout'],
  },
  subscriptions: [
    { eventTypes: ['OrderCreated'], handler: 'start-checkout' },
    { eventTypes: [executionStatusChange], handler: 'on-execution-ended', bus: 'default' },
    { eventTypes: ['OrderCheckoutStalled'], handler: 'resume-checkout' },
  ],
  invokes: {
    'on-execution-ended': [failOrder, releaseReservation, refundPayment].map(internalOperationKey),
    'resume-checkout': [failOrder, releaseReservation, refundPayment].map(internalOperationKey),
  },
});
