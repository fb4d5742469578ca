import type { AnalyticsEventPage, AnalyticsSummary, AnalyticsSummaryQuery, ListAnalyticsEventsQuery } from '@shoplane/contracts';
import type { AggregateReader, EventLogReader } from './ports.js';
import { listingFilter, summaryRange } from './range.js';
import { summarize } from './summary.js';

export interface ReportDependencies {
  log: EventLogReader;
  aggregates: AggregateReader;
}

const defaultPageSize = 50;
const defaultTopProducts = 10;

/** GET /analytics/events: one page of the log, newest first. */
export async function eventLogPage(deps: Pick<ReportDependencies, 'log'>, query: ListAnalyticsEventsQuery, now = new Date()): Promise<AnalyticsEventPage> {
  const filter = listingFilter(query, now);
  return deps.log.list(filter, { limit: query.limit ?? defaultPageSize, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) });
}

/** GET /analytics/summary: the range's numbers, from the counters kept at write time. */
export async function summaryOf(deps: Pick<ReportDependencies, 'aggregates'>, query: AnalyticsSummaryQuery, now = new Date()): Promise<AnalyticsSummary> {
  const range = summaryRange(query, now);
  return summarize(range, await deps.aggregates.read(range), query.top ?? defaultTopProducts);
}
