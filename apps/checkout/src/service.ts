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
  validateOrder,
} from '@shoplane/contracts';

/** The detail-type Step Functions gives its execution status events (on the account's default bus). */
export const executionStatusChange = 'Step Functions Execution Status Change';

/** Execution statuses after which an order may be left unsettled: the backstop's trigger. */
export const abnormalEndings = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

export interface OrchestratorSubscription {
  /** Event detail-types this handler consumes. */
  eventTypes: string[];
  handler: string;
  /** `platform` (domain events, the default) or `default`, where AWS services put their own events. */
  bus?: 'platform' | 'default';
}

/**
 * What an orchestrator is: a state machine plus the functions around it, and no table.
 * The stack (stack.ts) and the local runtime (libs/local-cloud) are both built from it.
 */
export interface OrchestratorManifest {
  name: string;
  stateMachine: {
    /** Environment variable through which the functions learn the state machine's ARN. */
    arnVariable: string;
    /** Internal operations its Tasks invoke, as `<service>.<name>`. */
    invokes: string[];
    /** Handlers that start executions (they get the ARN and states:StartExecution). */
    startedBy: string[];
  };
  subscriptions: OrchestratorSubscription[];
  /** Internal operations of other services each function invokes. */
  invokes: Record<string, string[]>;
}

/**
 * Checkout: runs each order's saga (validate → reserve → pay → commit → confirm) as a
 * Standard Step Functions execution named after the order, and compensates when a step
 * refuses. It owns no table: orders, inventory and payments own the state it moves.
 *
 * - `start-checkout` starts the execution from OrderCreated (once per order: the
 *   execution name is the order id).
 * - `on-execution-ended` is the backstop: an execution that fails, times out or is
 *   aborted gets its order failed, its stock released and its payment refunded.
 */
export const orchestrator = {
  name: 'checkout',
  stateMachine: {
    arnVariable: 'CHECKOUT_STATE_MACHINE_ARN',
    invokes: [validateOrder, reserveStock, beginPayment, processPayment, commitReservation, confirmOrder, failOrder, releaseReservation, refundPayment].map(
      internalOperationKey,
    ),
    startedBy: ['start-checkout'],
  },
  subscriptions: [
    { eventTypes: ['OrderCreated'], handler: 'start-checkout' },
    { eventTypes: [executionStatusChange], handler: 'on-execution-ended', bus: 'default' },
  ],
  invokes: {
    'on-execution-ended': [failOrder, releaseReservation, refundPayment].map(internalOperationKey),
  },
} satisfies OrchestratorManifest;

export function handlerNamesOf(manifest: OrchestratorManifest): string[] {
  return [...new Set(manifest.subscriptions.map((subscription) => subscription.handler))];
}
