import type { AnalyticsEvent, AnalyticsEventType, DomainEvent, StockCommittedMessage } from '@shoplane/contracts';

/**
 * The domain events analytics learns from: every change orders, payments and inventory
 * publish from their own tables' streams, and the checkout saga's CheckoutCompleted.
 * EventBridge rules route exactly these into the ingest queue.
 */
export const ingestedEventTypes = [
  'OrderCreated',
  'OrderConfirmed',
  'OrderFailed',
  'OrderCancelled',
  'PaymentSucceeded',
  'PaymentFailed',
  'PaymentRefunded',
  'InventoryUpdated',
  'CheckoutCompleted',
] as const;
export type IngestedEventType = (typeof ingestedEventTypes)[number];
export type IngestedEvent = DomainEvent<IngestedEventType>;

/** What arrives on the ingest queue: a domain event (through a rule) or a message another service sent directly. */
export type IngestMessage = { kind: 'event'; event: IngestedEvent } | { kind: 'message'; message: StockCommittedMessage };

/** The log's name for each event: the seed's vocabulary, which the admin listing filters by. */
const logTypeOf: Record<IngestedEventType, AnalyticsEventType> = {
  OrderCreated: 'ORDER_PLACED',
  OrderConfirmed: 'ORDER_CONFIRMED',
  OrderFailed: 'ORDER_FAILED',
  OrderCancelled: 'ORDER_CANCELLED',
  PaymentSucceeded: 'PAYMENT_CAPTURED',
  PaymentFailed: 'PAYMENT_FAILED',
  PaymentRefunded: 'PAYMENT_REFUNDED',
  InventoryUpdated: 'INVENTORY_UPDATED',
  CheckoutCompleted: 'ORDER_COMPLETED',
};

/** One EventLogs item: the seed's shape `{eventId, eventType, userId, metadata, timestamp}`, plus who told us. */
export type LogEntry = AnalyticsEvent;

/**
 * The log entry a message becomes. Its id is the event's own, so however often the
 * message is delivered it is one entry; the user moves out of `metadata` to the top
 * (the listing filters by it) and the correlation id moves in.
 */
export function logEntryOf(ingested: IngestMessage): LogEntry {
  if (ingested.kind === 'message') {
    const { eventId, eventType, metadata, timestamp } = ingested.message;
    return { eventId, eventType, metadata, timestamp, source: 'shoplane.inventory' };
  }
  const { eventId, eventType, source, occurredAt, correlationId, data } = ingested.event;
  const { userId, ...facts } = data as { userId?: string } & Record<string, unknown>;
  return {
    eventId,
    eventType: logTypeOf[eventType],
    ...(typeof userId === 'string' ? { userId } : {}),
    metadata: { ...facts, correlationId },
    timestamp: occurredAt,
    source,
  };
}

/** The UTC day (`YYYY-MM-DD`) of an ISO-8601 timestamp: the day a fact counts on. */
export function dayOf(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}
