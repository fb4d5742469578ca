import type { AnalyticsEvent, AnalyticsEventType } from '@shoplane/contracts';
import type { OrderTotals, UnitsSold } from './aggregates.js';
import type { IngestPlan } from './ingest-plan.js';
import type { OrderFacts } from './order-facts.js';

/** How a plan's transaction ended. */
export type RecordOutcome =
  /** Entry, counters and facts written together. */
  | 'recorded'
  /** The entry was there already: a redelivery, and nothing was written. */
  | 'duplicate'
  /** The order's facts changed since they were read: nothing was written; read and plan again. */
  | 'order-changed';

export interface IngestStore {
  orderFacts(orderId: string): Promise<OrderFacts | undefined>;
  /** Writes the whole plan in one transaction, or nothing. */
  record(plan: IngestPlan): Promise<RecordOutcome>;
}

/** Which part of the log to list; `from`/`to` inclusive. */
export interface EventLogFilter {
  type?: AnalyticsEventType;
  userId?: string;
  from?: string;
  to: string;
}

export interface EventLogReader {
  /** Newest first, one page, through an index (never a Scan). A cursor from another query is an InvalidCursorError. */
  list(filter: EventLogFilter, page: { limit: number; cursor?: string }): Promise<{ items: AnalyticsEvent[]; nextCursor: string | null }>;
}

/** UTC days, inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

export interface AggregateReader {
  /** The counters of every day of the range, read by Query (one per month the range touches). */
  read(range: DayRange): Promise<{ orders: OrderTotals[]; units: UnitsSold[] }>;
}
