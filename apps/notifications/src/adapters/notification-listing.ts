import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type DocumentClient, type StoreKey } from '@shoplane/lambda-kit';
import { InvalidCursorError } from '../domain/errors.js';
import type { NotificationRecord } from '../domain/notification.js';
import { recordFromItem } from './notification-items.js';
import { byUserIndex, notificationIdPattern, userPartition } from './table-layout.js';

const keyAttributes = ['PK', 'SK', byUserIndex.partitionKey.name, byUserIndex.sortKey.name];

/** Cursors are issued for one user's listing: another user's cursor, however well-formed, is refused. */
const scopeOf = (userId: string) => `notifications#${userId}`;

/**
 * A decoded cursor is still client input: DynamoDB refuses (with a 500-shaped
 * error) a start key outside the queried partition, so it must be a key this very
 * query could have produced.
 */
function startKeyOf(cursor: string, userId: string): StoreKey {
  const key = decodeCursor(cursor, scopeOf(userId), keyAttributes);
  const notificationId = key[byUserIndex.sortKey.name];
  const valid =
    key[byUserIndex.partitionKey.name] === userPartition(userId) &&
    key['SK'] === 'NOTIFICATION' &&
    typeof key['PK'] === 'string' &&
    key['PK'].startsWith('NOTIFICATION#') &&
    typeof notificationId === 'string' &&
    notificationIdPattern.test(notificationId);
  if (!valid) throw new InvalidCursorError();
  return key;
}

/**
 * One page of a user's notifications, newest first, read with Query on the
 * `byUser` index (never a Scan). One item more than the page is asked for, so a
 * cursor is only issued when another notification really follows.
 */
export async function listNotifications(
  client: DocumentClient,
  tableName: string,
  userId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: NotificationRecord[]; nextCursor: string | null }> {
  const items: Record<string, unknown>[] = [];
  let startKey: StoreKey | undefined = page.cursor === undefined ? undefined : startKeyOf(page.cursor, userId);
  do {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: byUserIndex.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': byUserIndex.partitionKey.name },
        ExpressionAttributeValues: { ':pk': userPartition(userId) },
        ScanIndexForward: false,
        Limit: page.limit + 1 - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(result.Items ?? []));
    // A read can stop short of the limit (1 MB), so keep reading until the page is full or the index ends.
    startKey = result.LastEvaluatedKey as StoreKey | undefined;
  } while (items.length <= page.limit && startKey);

  const pageItems = items.slice(0, page.limit);
  const last = pageItems.at(-1);
  const nextCursor =
    items.length > page.limit && last ? encodeCursor(Object.fromEntries(keyAttributes.map((name) => [name, String(last[name])])), scopeOf(userId)) : null;
  return { items: pageItems.map(recordFromItem), nextCursor };
}
