import type { DomainError, OrderStatus } from '@shoplane/contracts';
import { OrderCancelledError, OrderNotCancellableError, OrderNotPayableError, OrderStatusConflictError } from './errors.js';
import { mayMove } from './order-status.js';

/** What can happen to an order after it is placed: checkout's four steps and the customer's cancel. */
export type Step = 'validate' | 'beginPayment' | 'confirm' | 'fail' | 'cancel';

/** What a step does to an order in a given status. */
export type Decision = { kind: 'move'; to: OrderStatus } | { kind: 'answer' } | { kind: 'refuse'; error: DomainError };

interface StepRule {
  /** The status the step moves an order to; none for a step that only reads. */
  target?: OrderStatus;
  /** Statuses in which the step changes nothing and answers the order as it is: a repeat is safe. */
  answersAt: readonly OrderStatus[];
  refusal(status: OrderStatus): DomainError;
}

const stepRules: Record<Step, StepRule> = {
  // PAYMENT_PENDING too: a checkout run again for an order whose first run was lost (a crashed local runtime, a
  // recovery restart) finds it being paid and goes on, every later step being idempotent on the order id.
  validate: { answersAt: ['CREATED', 'PAYMENT_PENDING'], refusal: (status) => new OrderNotPayableError(status) },
  beginPayment: {
    target: 'PAYMENT_PENDING',
    answersAt: ['PAYMENT_PENDING'],
    refusal: (status) => (status === 'CANCELLED' ? new OrderCancelledError() : new OrderNotPayableError(status)),
  },
  confirm: { target: 'CONFIRMED', answersAt: ['CONFIRMED'], refusal: (status) => new OrderStatusConflictError(status, 'CONFIRMED') },
  // A cancelled order stays cancelled: failing it answers CANCELLED, as checkout's compensation expects.
  fail: { target: 'FAILED', answersAt: ['FAILED', 'CANCELLED'], refusal: (status) => new OrderStatusConflictError(status, 'FAILED') },
  cancel: { target: 'CANCELLED', answersAt: ['CANCELLED'], refusal: (status) => new OrderNotCancellableError(status) },
};

/**
 * A step moves the order only along `transitions`; where it cannot, a status it has
 * already brought about is answered as is, and anything else is refused.
 */
export function decide(step: Step, status: OrderStatus): Decision {
  const rule = stepRules[step];
  if (rule.target && mayMove(status, rule.target)) return { kind: 'move', to: rule.target };
  if (rule.answersAt.includes(status)) return { kind: 'answer' };
  return { kind: 'refuse', error: rule.refusal(status) };
}
