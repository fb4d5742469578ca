import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BusyError, cartLimits } from '@shoplane/contracts';
import {
  cancellationReasons,
  defaultConflictRetry,
  isConditionalCheckFailure,
  isTransactionConflict,
  transactWrite,
  type ConflictRetry,
  type TransactItem,
} from '@shoplane/lambda-kit';
import type { LineChange } from '../domain/cart.js';
import { chunked, maxQuantityBeforeAdding, refusalOfLineChange, refusalOfNewLine } from '../domain/cart-rules.js';
import type { CartRepository } from '../domain/ports.js';
import { headerKey, lineItem, lineKey, linePrefix, partitionOf, returnedItem, toExistingLine, toHeader, toLine, type Item } from './cart-table.js';

/*
 * How the limits hold under concurrent requests on one cart:
 * - Quantity: adding to an existing line is one UpdateItem, `ADD qty :n` conditioned on
 *   `qty <= 99 - n` (`qty`: the stored name of a line's quantity, see cart-table.ts), so DynamoDB serialises concurrent adds and none can pass 99.
 * - Lines: every line creation commits in one transaction with `ADD lineCount 1` on the
 *   cart header, conditioned on `lineCount < 50`; every deletion decrements it in the same
 *   transaction that deletes the line. So lineCount always equals the number of lines and
 *   a cart never holds more than 50, however many requests race. (A Query count followed
 *   by a conditional Put would let two requests both see 49 and both write.)
 * - Currency: the header's currency may only change while lineCount is 0, and a new line
 *   is conditioned on it; each line carries the currency it was created in, so adding to
 *   an existing line checks the currency without touching the header.
 * Transactions that collide (TransactionConflict) are retried by lambda-kit's
 * transactWrite with jittered backoff; a cart still contended after that answers
 * 409 cart-busy, never a 500.
 */

/** DynamoDB writes at most 100 items per transaction; 25 lines plus the header stays well inside it. */
const linesPerClearTransaction = 25;

/** `retry` says how hard to try when transactions on one cart collide; it also bounds how often a change looks again. */
export function dynamoCartRepository(client: DynamoDBDocumentClient, tableName: string, retry: ConflictRetry = defaultConflictRetry): CartRepository {
  /** One transaction on the cart; races that never settle are BusyError('cart'), answered 409 cart-busy (src/problems.ts). */
  function transactOnCart(items: TransactItem[]): Promise<void> {
    return transactWrite(client, items, { subject: 'cart', retry });
  }

  async function queryLines(userId: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :linePrefix)',
          ExpressionAttributeValues: { ':pk': partitionOf(userId), ':linePrefix': linePrefix },
          // A mutation answers with the cart it leaves behind: read our own write.
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async function readHeader(userId: string): Promise<Item | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: headerKey(userId), ConsistentRead: true }));
    return Item;
  }

  /** Changes a line that exists; false when there is none, or when a transaction on it is in flight. */
  async function updateExistingLine(userId: string, change: LineChange, now: Date, mode: 'add' | 'set'): Promise<boolean> {
    const adding = mode === 'add';
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: lineKey(userId, change.productId),
          UpdateExpression: adding ? 'ADD qty :quantity SET updatedAt = :now' : 'SET qty = :quantity, updatedAt = :now',
          ConditionExpression: adding
            ? 'attribute_exists(qty) AND currency = :currency AND qty <= :maxBefore'
            : 'attribute_exists(qty) AND currency = :currency',
          ExpressionAttributeValues: {
            ':quantity': change.quantity,
            ':now': now.toISOString(),
            ':currency': change.currency,
            ...(adding ? { ':maxBefore': maxQuantityBeforeAdding(change.quantity) } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return true;
    } catch (error) {
      // Another request is creating or deleting this line right now: the transactional
      // path waits its turn (with backoff) and then finds out whether the line exists.
      if (isTransactionConflict(error)) return false;
      if (!isConditionalCheckFailure(error)) throw error;
      const existing = returnedItem(error);
      const line = existing && toExistingLine(existing);
      if (!line) return false;
      throw refusalOfLineChange(line, change);
    }
  }

  /** Creates the line and counts it in the header, atomically; false when the line appeared meanwhile. */
  async function createLine(userId: string, change: LineChange, now: Date): Promise<boolean> {
    const at = now.toISOString();
    try {
      await transactOnCart([
        {
          Put: {
            TableName: tableName,
            Item: lineItem(userId, { productId: change.productId, quantity: change.quantity, currency: change.currency, addedAt: at, updatedAt: at }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: headerKey(userId),
            UpdateExpression: 'ADD lineCount :one SET currency = :currency, updatedAt = :now',
            ConditionExpression: 'attribute_not_exists(lineCount) OR lineCount <= :zero OR (lineCount < :maxLines AND currency = :currency)',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':maxLines': cartLimits.maxLines, ':currency': change.currency, ':now': at },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ]);
      return true;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      if (reasons?.[1]?.Code !== 'ConditionalCheckFailed') throw error;
      const header = toHeader(returnedItem(reasons[1]) ?? (await readHeader(userId)));
      const refusal = refusalOfNewLine(header, change);
      if (refusal) throw refusal;
      return false;
    }
  }

  async function changeLine(userId: string, change: LineChange, now: Date, mode: 'add' | 'set'): Promise<void> {
    // A look that changes nothing found the line created, or the cart emptied, by another request meanwhile.
    for (let look = 1; look <= retry.attempts; look++) {
      if (await updateExistingLine(userId, change, now, mode)) return;
      if (await createLine(userId, change, now)) return;
    }
    throw new BusyError('cart', new Error('the line kept changing'));
  }

  return {
    async load(userId) {
      return { lines: (await queryLines(userId)).map(toLine) };
    },

    addToLine: (userId, change, now) => changeLine(userId, change, now, 'add'),

    setLine: (userId, change, now) => changeLine(userId, change, now, 'set'),

    async removeLine(userId, productId) {
      try {
        await transactOnCart([
          { Delete: { TableName: tableName, Key: lineKey(userId, productId), ConditionExpression: 'attribute_exists(PK)' } },
          { Update: { TableName: tableName, Key: headerKey(userId), UpdateExpression: 'ADD lineCount :minusOne', ExpressionAttributeValues: { ':minusOne': -1 } } },
        ]);
        return true;
      } catch (error) {
        if (cancellationReasons(error)?.[0]?.Code === 'ConditionalCheckFailed') return false;
        throw error;
      }
    },

    /**
     * Deletes the lines in transactions of 25, each decrementing the header by the lines
     * it deleted, so lineCount stays exact even while other requests add or remove lines.
     * A chunk that meets a line already gone is cancelled whole; the cart is then read
     * again and what is left is deleted.
     */
    async clear(userId) {
      let lastCancellation: unknown;
      for (let look = 1; look <= retry.attempts; look++) {
        const lines = await queryLines(userId);
        if (lines.length === 0) return;
        try {
          for (const chunk of chunked(lines, linesPerClearTransaction)) {
            await transactOnCart([
              ...chunk.map((line) => ({
                Delete: { TableName: tableName, Key: { PK: line['PK'], SK: line['SK'] }, ConditionExpression: 'attribute_exists(PK)' },
              })),
              { Update: { TableName: tableName, Key: headerKey(userId), UpdateExpression: 'ADD lineCount :removed', ExpressionAttributeValues: { ':removed': -chunk.length } } },
            ]);
          }
          return;
        } catch (error) {
          if (!cancellationReasons(error)) throw error;
          lastCancellation = error;
        }
      }
      throw new BusyError('cart', lastCancellation);
    },
  };
}
