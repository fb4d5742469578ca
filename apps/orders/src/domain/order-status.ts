import type { OrderStatus } from '@shoplane/contracts';

/**
 * The one place order statuses and their transitions are written. Everything else
 * derives from it: the conditions of the writes that move an order (`statusesLeadingTo`),
 * what each checkout step may do (steps.ts) and the property tests.
 *
 * CREATED → PAYMENT_PENDING → CONFIRMED is the happy path. Until payment begins the
 * customer may cancel, and checkout may fail the order at any point before it is
 * confirmed. CONFIRMED, FAILED and CANCELLED are final.
 */
export const transitions = {
  CREATED: ['PAYMENT_PENDING', 'FAILED', 'CANCELLED'],
  PAYMENT_PENDING: ['CONFIRMED', 'FAILED'],
  CONFIRMED: [],
  FAILED: [],
  CANCELLED: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

const statuses = Object.keys(transitions) as OrderStatus[];

export function mayMove(from: OrderStatus, to: OrderStatus): boolean {
  return (transitions[from] as readonly OrderStatus[]).includes(to);
}

/** The statuses an order may be in for a write to move it to `to`: the write's condition. */
export function statusesLeadingTo(to: OrderStatus): OrderStatus[] {
  return statuses.filter((from) => mayMove(from, to));
}

/** A final status: nothing moves the order on from it. */
export function isFinal(status: OrderStatus): boolean {
  return transitions[status].length === 0;
}
