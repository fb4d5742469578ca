import type { CheckoutInput, OrderCreated } from '@shoplane/contracts';

export type StartOutcome = 'started' | 'already-started';

/** The state machine's executions, one per order. */
export interface CheckoutExecutions {
  /**
   * Starts the order's execution, named after the order. An execution of that name
   * already existing is an answer (`already-started`): Step Functions keeps names unique,
   * so a duplicate OrderCreated can never start a second checkout of the same order.
   */
  start(input: CheckoutInput): Promise<StartOutcome>;
}

/** An event naming the order to check out: OrderCreated, or the sweeper's OrderCheckoutStalled. */
export type OrderEvent = { data: Pick<OrderCreated['data'], 'orderId'> } & Pick<OrderCreated, 'correlationId'>;

/** The execution's input for an order: only its id and the correlation id; every step reads the rest from its owner. */
export function checkoutInputFor(event: OrderEvent): CheckoutInput {
  return { orderId: event.data.orderId, correlationId: event.correlationId };
}

export function startCheckout(executions: CheckoutExecutions, event: OrderEvent): Promise<StartOutcome> {
  return executions.start(checkoutInputFor(event));
}
