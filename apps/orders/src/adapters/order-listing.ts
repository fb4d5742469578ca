import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BadRequestError, decodeCursor, encodeCursor, type DocumentClient, type StoreKey } from '@shoplane/lambda-kit';
import type { OrderPage } from '../domain/ports.js';
import { orderKey, ordersByUser, summaryAttributes, summaryFromItem, userPartition } from './table-layout.js';

const keyAttributes = ['PK', 'SK', ordersByUser.partitionKey.name, ordersByUser.sortKey.name];
const orderIdPattern = /^ord_[0-9A-HJKMNP-TV-Z]{26}$/;
/** Cursors are bound to one customer's listing: another customer's cursor is refused, never followed. */
const scopeOf = (userId: string) => `orders-of:${userId}`;

const invalidCursor = () => new BadRequestError('The cursor is not valid for this query; start again without it.', 'invalid-cursor');

/** A decoded cursor is still client input: its key must be one this very query could have produced. */
function startKeyOf(cursor: string, userId: string): StoreKey {
  const key = decodeCursor(cursor, scopeOf(userId), keyAttributes);
  const orderId = key[ordersByUser.sortKey.name];
  if (typeof orderId !== 'string' || !orderIdPattern.test(orderId)) throw invalidCursor();
  const expected = orderKey(orderId);
  if (key['PK'] !== expected.PK || key['SK'] !== expected.SK || key[ordersByUser.partitionKey.name] !== userPartition(userId)) throw invalidCursor();
  return key;
}

/**
 * One page of a customer's orders, newest first: a Query on the customer's partition
 * of `byUser`, never a Scan. One item more than the page is read, so a cursor is
 * only issued when another order follows.
 */
export async function listOrdersOfUser(client: DocumentClient, tableName: string, userId: string, limit: number, cursor: string | undefined): Promise<OrderPage> {
  const attributes = [...new Set([...keyAttributes, ...summaryAttributes])];
  const names = Object.fromEntries(attributes.map((attribute, index) => [`#a${index}`, attribute]));
  const items: Record<string, unknown>[] = [];
  let startKey: StoreKey | undefined = cursor === undefined ? undefined : startKeyOf(cursor, userId);
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: ordersByUser.name,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: { ...names, '#pk': ordersByUser.partitionKey.name },
        ExpressionAttributeValues: { ':pk': userPartition(userId) },
        ScanIndexForward: false,
        Limit: limit + 1 - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey as StoreKey | undefined;
  } while (items.length <= limit && startKey);

  const pageItems = items.slice(0, limit);
  const last = pageItems.at(-1);
  const nextCursor = items.length > limit && last ? encodeCursor(Object.fromEntries(keyAttributes.map((name) => [name, String(last[name])])), scopeOf(userId)) : null;
  return { items: pageItems.map(summaryFromItem), nextCursor };
}
