import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient, TransactItem } from '@shoplane/lambda-kit';
import type { StoredOrder } from '../domain/order.js';
import { orderFromItem, orderKey, ordersDueForSweep, sweepPartition } from './table-layout.js';

/**
 * The orders due for the sweeper: one Query on the sparse `bySweepDue` index, the longest
 * due first, never a Scan. The index is eventually consistent: a just-settled order may
 * still show, which `recordSweep`'s condition and the steps' idempotency make harmless.
 */
export async function dueForSweep(client: DocumentClient, tableName: string, now: Date, limit: number): Promise<StoredOrder[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: ordersDueForSweep.name,
      KeyConditionExpression: '#pk = :pk AND #due <= :now',
      ExpressionAttributeNames: { '#pk': ordersDueForSweep.partitionKey.name, '#due': ordersDueForSweep.sortKey.name },
      ExpressionAttributeValues: { ':pk': sweepPartition, ':now': now.toISOString() },
      ScanIndexForward: true,
      Limit: limit,
    }),
  );
  return Items.map(orderFromItem);
}

/** The order's next due time (or its leaving the index), on condition it is as the sweep read it. */
export function sweepRecord(tableName: string, order: StoredOrder, nextDueAt: Date | undefined): TransactItem {
  const values: Record<string, unknown> = { ':seen': order.status, ':due': order.sweepDueAt ?? '' };
  if (nextDueAt) values[':next'] = nextDueAt.toISOString();
  return {
    Update: {
      TableName: tableName,
      Key: orderKey(order.orderId),
      UpdateExpression: nextDueAt ? 'SET #due = :next' : 'REMOVE #pk, #due',
      ConditionExpression: '#status = :seen AND #due = :due',
      ExpressionAttributeNames: { '#status': 'status', '#due': ordersDueForSweep.sortKey.name, ...(nextDueAt ? {} : { '#pk': ordersDueForSweep.partitionKey.name }) },
      ExpressionAttributeValues: values,
    },
  };
}
