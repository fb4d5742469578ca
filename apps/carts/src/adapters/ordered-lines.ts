import { outboxTimeToLiveAttribute } from '@shoplane/manifest';
import { failedConditions, transactWrite, type DocumentClient, type TransactItem } from '@shoplane/lambda-kit';
import type { OrderedLinesStore } from '../domain/ordering.js';

/*
 * A settled order is remembered in its own item, `PK=ORDER#<orderId>, SK=CART_SETTLEMENT`,
 * outside every cart's partition (so no query of a cart ever meets it), written in the
 * same transaction as the line changes: the transaction that finds it already there
 * changes nothing, which is what makes OrderConfirmed safe to deliver twice. Each line
 * change is conditioned on the quantity the settlement was computed from, and every
 * deleted line decrements the header's lineCount in the same transaction.
 */

/** Redeliveries and replays come within days; the marker outlives them. */
const settlementRetentionSeconds = 30 * 24 * 3600;

const cartPartition = (userId: string) => `CART#${userId}`;
const lineKey = (userId: string, productId: string) => ({ PK: cartPartition(userId), SK: `ITEM#${productId}` });

/** Marks a cancelled settlement: the order's marker already exists. */
class AlreadySettled extends Error {}
/** Marks a cancelled settlement: a line no longer holds what the settlement was computed from. */
class LinesChanged extends Error {}

export function dynamoOrderedLines(client: DocumentClient, tableName: string): OrderedLinesStore {
  return {
    async settle(userId, orderId, settlement, now) {
      const at = now.toISOString();
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: { PK: `ORDER#${orderId}`, SK: 'CART_SETTLEMENT', userId, settledAt: at, [outboxTimeToLiveAttribute]: Math.floor(now.getTime() / 1000) + settlementRetentionSeconds },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...settlement.reduce.map(
          (line): TransactItem => ({
            Update: {
              TableName: tableName,
              Key: lineKey(userId, line.productId),
              UpdateExpression: 'SET qty = :to, updatedAt = :now',
              ConditionExpression: 'qty = :from',
              ExpressionAttributeValues: { ':to': line.to, ':from': line.from, ':now': at },
            },
          }),
        ),
        ...settlement.remove.map(
          (line): TransactItem => ({
            Delete: { TableName: tableName, Key: lineKey(userId, line.productId), ConditionExpression: 'qty = :from', ExpressionAttributeValues: { ':from': line.from } },
          }),
        ),
        ...(settlement.remove.length > 0
          ? [
              {
                Update: {
                  TableName: tableName,
                  Key: { PK: cartPartition(userId), SK: 'HEADER' },
                  UpdateExpression: 'ADD lineCount :removed SET updatedAt = :now',
                  ExpressionAttributeValues: { ':removed': -settlement.remove.length, ':now': at },
                },
              },
            ]
          : []),
      ];
      try {
        await transactWrite(client, items, {
          subject: 'cart',
          refusal: (reasons) => {
            const [settledBefore, ...linesRefused] = failedConditions(reasons, items.length);
            if (settledBefore) return new AlreadySettled();
            return linesRefused.some(Boolean) ? new LinesChanged() : undefined;
          },
        });
        return 'settled';
      } catch (error) {
        if (error instanceof AlreadySettled) return 'already-settled';
        if (error instanceof LinesChanged) return 'lines-changed';
        throw error;
      }
    },
  };
}
