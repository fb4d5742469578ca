import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, HttpError, type DocumentClient, type StoreKey } from '@shoplane/lambda-kit';
import { InvalidCursorError } from '../domain/errors.js';
import type { EventLogFilter, EventLogReader } from '../domain/ports.js';
import { monthsOf } from '../domain/range.js';
import { entryFromItem, eventsByMonth, eventsByType, eventsByUser, monthPartition, typePartition, userPartition } from './table-layout.js';

type Index = typeof eventsByType | typeof eventsByUser | typeof eventsByMonth;
type Item = Record<string, unknown>;

/** Which index answers a filter, its partitions newest first, and the type still to filter by. */
interface Access {
  index: Index;
  partitions: string[];
  type?: string;
}

function accessFor(filter: EventLogFilter): Access {
  if (filter.userId) return { index: eventsByUser, partitions: [userPartition(filter.userId)], ...(filter.type ? { type: filter.type } : {}) };
  if (filter.type) return { index: eventsByType, partitions: [typePartition(filter.type)] };
  return { index: eventsByMonth, partitions: monthsOf({ from: filter.from ?? filter.to, to: filter.to }).reverse().map(monthPartition) };
}

/** Sort-key bounds: from `from` up to every entry stamped `to` (the key is `<timestamp>#<eventId>`). */
const boundsOf = (filter: EventLogFilter) => ({ lower: filter.from, upper: `${filter.to}#~` });
const sortKeyPattern = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#(evt_[0-9A-HJKMNP-TV-Z]{26})$/;
/** A filtered read may skip many entries, so it reads in bigger pages; a page is never held up beyond this many reads. */
const filteredPageSize = 100;
const maxReads = 50;

const keyAttributes = (index: Index) => ['PK', 'SK', index.partitionKey.name, index.sortKey.name];
/** Cursors belong to one index partition choice (type, user); their position is checked against the range asked now. */
const scopeOf = (filter: EventLogFilter) => `analytics-events#${filter.type ?? ''}#${filter.userId ?? ''}`;

/** A decoded cursor is still client input: it must be a key this very query could have produced. */
function startKeyOf(cursor: string, filter: EventLogFilter, access: Access): StoreKey {
  let key: StoreKey;
  try {
    key = decodeCursor(cursor, scopeOf(filter), keyAttributes(access.index));
  } catch (error) {
    if (error instanceof HttpError) throw new InvalidCursorError();
    throw error;
  }
  const sort = key[access.index.sortKey.name];
  const eventId = typeof sort === 'string' ? sortKeyPattern.exec(sort)?.[1] : undefined;
  const { lower, upper } = boundsOf(filter);
  const valid =
    eventId !== undefined &&
    typeof sort === 'string' &&
    key['PK'] === `EVENT#${eventId}` &&
    key['SK'] === 'EVENT' &&
    access.partitions.includes(String(key[access.index.partitionKey.name])) &&
    (lower === undefined || sort >= lower) &&
    sort <= upper;
  if (!valid) throw new InvalidCursorError();
  return key;
}

/**
 * The event log, listed through an index (never a Scan), newest first: a user's
 * events on `byUser` (filtered by type if asked), one type's on `byType`, the whole
 * log on `byMonth`, month by month. One entry more than the page is read, so a cursor
 * is only issued when another entry follows.
 */
export function dynamoEventLogReader(client: DocumentClient, tableName: string): EventLogReader {
  return {
    async list(filter, page) {
      const access = accessFor(filter);
      const { index } = access;
      const { lower, upper } = boundsOf(filter);
      let startKey: StoreKey | undefined = page.cursor === undefined ? undefined : startKeyOf(page.cursor, filter, access);
      let partition = startKey ? access.partitions.indexOf(String(startKey[index.partitionKey.name])) : 0;
      const items: Item[] = [];
      let reads = 0;
      while (partition < access.partitions.length && items.length <= page.limit && reads < maxReads) {
        reads += 1;
        const result = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: index.name,
            KeyConditionExpression: lower === undefined ? '#pk = :pk AND #sk <= :upper' : '#pk = :pk AND #sk BETWEEN :lower AND :upper',
            ...(access.type ? { FilterExpression: 'eventType = :type' } : {}),
            ExpressionAttributeNames: { '#pk': index.partitionKey.name, '#sk': index.sortKey.name },
            ExpressionAttributeValues: {
              ':pk': access.partitions[partition],
              ':upper': upper,
              ...(lower === undefined ? {} : { ':lower': lower }),
              ...(access.type ? { ':type': access.type } : {}),
            },
            ScanIndexForward: false,
            Limit: access.type ? filteredPageSize : page.limit + 1 - items.length,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(result.Items ?? []));
        startKey = result.LastEvaluatedKey as StoreKey | undefined;
        if (!startKey) partition += 1;
      }
      const pageItems = items.slice(0, page.limit);
      const last = pageItems.at(-1);
      const keyOf = (item: Item): StoreKey => Object.fromEntries(keyAttributes(index).map((name) => [name, String(item[name])]));
      // More follows when an entry was read past the page, or when the reads stopped before the index ended.
      const resume = items.length > page.limit ? last && keyOf(last) : partition < access.partitions.length ? (startKey ?? (last && keyOf(last))) : undefined;
      return { items: pageItems.map(entryFromItem), nextCursor: resume ? encodeCursor(resume, scopeOf(filter)) : null };
    },
  };
}
