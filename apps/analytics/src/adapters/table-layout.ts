import type { AnalyticsEvent, Currency } from '@shoplane/contracts';
import type { TableIndex } from '@shoplane/manifest';
import type { LogEntry } from '../domain/event-log.js';

/**
 * Where things live in the analytics table (see service.ts). Every index sorts by
 * `<timestamp>#<eventId>`, so each lists newest first and no two entries tie.
 */
const index = (name: string, number: number) =>
  ({ name, partitionKey: { name: `GSI${number}PK`, type: 'S' }, sortKey: { name: `GSI${number}SK`, type: 'S' } }) as const satisfies TableIndex;

/** The log of one event type (`TYPE#<eventType>`). */
export const eventsByType = index('byType', 1);
/** One user's events (`USER#<userId>`); entries without a user are not in it. */
export const eventsByUser = index('byUser', 2);
/** The whole log, a partition a month (`MONTH#<YYYY-MM>`). */
export const eventsByMonth = index('byMonth', 3);

export const entryKey = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'EVENT' });
export const orderKey = (orderId: string) => ({ PK: `ORDER#${orderId}`, SK: 'ORDER' });
export const typePartition = (type: string) => `TYPE#${type}`;
export const userPartition = (userId: string) => `USER#${userId}`;
export const monthPartition = (month: string) => `MONTH#${month}`;
export const timeKey = (entry: Pick<LogEntry, 'timestamp' | 'eventId'>) => `${entry.timestamp}#${entry.eventId}`;

/** Counters live a partition a month, sorted by day: a range of days is one Query per month. */
export const statsPartition = (month: string) => `STATS#${month}`;
const dayPart = (day: string) => `DAY#${day.slice(8, 10)}`;
export const ordersCounterKey = (day: string, currency: Currency) => ({ PK: statsPartition(day.slice(0, 7)), SK: `${dayPart(day)}#ORDERS#${currency}` });
export const unitsCounterKey = (day: string, productId: string) => ({ PK: statsPartition(day.slice(0, 7)), SK: `${dayPart(day)}#UNITS#${productId}` });
/** Sort-key bounds of the days `from`..`to` of one month (both `DD`). */
export const dayBounds = (fromDay: string, toDay: string) => ({ lower: `DAY#${fromDay}#`, upper: `DAY#${toDay}#~` });

/** The EventLogs item of an entry, with its keys in every index it belongs to. */
export function entryItem(entry: LogEntry, receivedAt: string): Record<string, unknown> {
  const sort = timeKey(entry);
  return {
    ...entryKey(entry.eventId),
    ...entry,
    receivedAt,
    [eventsByType.partitionKey.name]: typePartition(entry.eventType),
    [eventsByType.sortKey.name]: sort,
    ...(entry.userId ? { [eventsByUser.partitionKey.name]: userPartition(entry.userId), [eventsByUser.sortKey.name]: sort } : {}),
    [eventsByMonth.partitionKey.name]: monthPartition(entry.timestamp.slice(0, 7)),
    [eventsByMonth.sortKey.name]: sort,
  };
}

/** An entry as the listing answers it: the seed's fields and its source, nothing of the table's keys. */
export function entryFromItem(item: Record<string, unknown>): AnalyticsEvent {
  const { eventId, eventType, userId, metadata, timestamp, source } = item as AnalyticsEvent;
  return { eventId, eventType, ...(typeof userId === 'string' ? { userId } : {}), metadata, timestamp, source };
}
