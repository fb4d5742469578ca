import type { Currency } from '@shoplane/contracts';

/**
 * An order's end told before its currency was known (OrderFailed and OrderCancelled
 * carry none, and may overtake OrderCreated on the queue): kept with the order and
 * counted, on its own day, when OrderCreated brings the currency.
 */
export interface PendingOutcome {
  measure: 'ordersFailed' | 'ordersCancelled';
  day: string;
  eventId: string;
}

/**
 * What analytics keeps of an order to count its end in the right currency. `version`
 * guards each change (0: nothing kept yet), so two events of one order racing each
 * other cannot both act on what they read.
 */
export interface OrderFacts {
  orderId: string;
  currency?: Currency;
  pending: PendingOutcome[];
  version: number;
}
