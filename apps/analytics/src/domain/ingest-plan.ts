import type { DomainEvent } from '@shoplane/contracts';
import { mergeCounters, type CounterChange } from './aggregates.js';
import { dayOf, logEntryOf, type IngestMessage, type IngestedEvent, type LogEntry } from './event-log.js';
import type { OrderFacts, PendingOutcome } from './order-facts.js';

/** DynamoDB's limit on the items of one transaction. */
export const maxTransactionItems = 100;

/**
 * Everything one message changes, written in one transaction: the log entry (only if
 * absent: that is the dedupe, so a replay counts nothing twice), the counters it adds
 * to, and the order's facts when they change (only if still as read).
 */
export interface IngestPlan {
  entry: LogEntry;
  counters: CounterChange[];
  order?: { facts: Omit<OrderFacts, 'version'>; expectedVersion: number };
}

/** The order whose facts a message needs: the events that start or end an order. */
export function orderConcerned(ingested: IngestMessage): string | undefined {
  if (ingested.kind !== 'event') return undefined;
  const { event } = ingested;
  return event.eventType === 'OrderCreated' || event.eventType === 'OrderFailed' || event.eventType === 'OrderCancelled' ? event.data.orderId : undefined;
}

function endOfOrder(event: DomainEvent<'OrderFailed' | 'OrderCancelled'>, facts: OrderFacts | undefined): Omit<IngestPlan, 'entry'> {
  const outcome: PendingOutcome = { measure: event.eventType === 'OrderFailed' ? 'ordersFailed' : 'ordersCancelled', day: dayOf(event.occurredAt), eventId: event.eventId };
  if (facts?.currency) return { counters: [{ kind: 'orders', day: outcome.day, currency: facts.currency, add: { [outcome.measure]: 1 } }] };
  return { counters: [], order: { facts: { orderId: event.data.orderId, pending: [...(facts?.pending ?? []), outcome] }, expectedVersion: facts?.version ?? 0 } };
}

function changesOf(event: IngestedEvent, facts: OrderFacts | undefined): Omit<IngestPlan, 'entry'> {
  const day = dayOf(event.occurredAt);
  switch (event.eventType) {
    case 'OrderCreated': {
      // A second OrderCreated of a counted order (it cannot happen, but costs nothing to refuse) counts nothing.
      if (facts?.currency) return { counters: [] };
      const { currency } = event.data.total;
      const late = (facts?.pending ?? []).map((outcome): CounterChange => ({ kind: 'orders', day: outcome.day, currency, add: { [outcome.measure]: 1 } }));
      return {
        counters: [{ kind: 'orders', day, currency, add: { ordersCreated: 1 } }, ...late],
        order: { facts: { orderId: event.data.orderId, currency, pending: [] }, expectedVersion: facts?.version ?? 0 },
      };
    }
    case 'OrderFailed':
    case 'OrderCancelled':
      return endOfOrder(event, facts);
    case 'OrderConfirmed': {
      const { total, lines } = event.data;
      return {
        counters: [
          { kind: 'orders', day, currency: total.currency, add: { ordersConfirmed: 1, revenue: total.amount } },
          ...lines.map((line): CounterChange => ({ kind: 'units', day, productId: line.productId, name: line.name, units: line.quantity })),
        ],
      };
    }
    case 'PaymentRefunded':
      return { counters: [{ kind: 'orders', day, currency: event.data.amount.currency, add: { refunded: event.data.amount.amount, refunds: 1 } }] };
    default:
      // Payments captured or failed, stock changes and the saga's completion are logged, not counted:
      // the order's own events already count what they tell.
      return { counters: [] };
  }
}

/** What a message changes, given the facts of the order it concerns (as read just before). */
export function planIngest(ingested: IngestMessage, facts?: OrderFacts): IngestPlan {
  const entry = logEntryOf(ingested);
  if (ingested.kind === 'message') return { entry, counters: [] };
  const { counters, order } = changesOf(ingested.event, facts);
  return { entry, counters: mergeCounters(counters), ...(order ? { order } : {}) };
}

/** The items the plan's transaction writes: the entry, one per counter, and the order's facts. */
export function transactionItemsOf(plan: IngestPlan): number {
  return 1 + plan.counters.length + (plan.order ? 1 : 0);
}
