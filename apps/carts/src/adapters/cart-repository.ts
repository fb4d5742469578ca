import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BusyError, cartLimits, Currency } from '@shoplane/contracts';
import { cancellationReasons, isConditionalCheckFailure, isTransactionConflict, jitteredBackoff } from '@shoplane/lambda-kit';
import { shopDefaultCurrency, type CartHeaderState, type ExistingLineState, type LineChange, type StoredCartLine } from '../domain/cart.js';
import { chunked, maxQuantityBeforeAdding, refusalOfLineChange, refusalOfNewLine } from '../domain/cart-rules.js';
import type { CartRepository } from '../domain/ports.js';

/*
 * How the limits hold under concurrent requests on one cart:
 * - Quantity: adding to an existing line is one UpdateItem, `ADD qty :n` conditioned on
 *   `qty <= 99 - n`, so DynamoDB serialises concurrent adds and none can pass 99.
 * - Lines: every line creation commits in one transaction with `ADD lineCount 1` on the
 *   cart header, conditioned on `lineCount < 50`; every deletion decrements it in the same
 *   transaction that deletes the line. So lineCount always equals the number of lines and
 *   a cart never holds more than 50, however many requests race. (A Query count followed
 *   by a conditional Put would let two requests both see 49 and both write.)
 * - Currency: the header's currency may only change while lineCount is 0, and a new line
 *   is conditioned on it; each line carries the currency it was created in, so adding to
 *   an existing line checks the currency without touching the header.
 * Transactions that collide (TransactionConflict) are retried with jittered backoff; a
 * cart still contended after that answers 409 cart-busy, never a 500.
 */

const linePrefix = 'ITEM#';
const partitionOf = (userId: string) => `CART#${userId}`;
const lineKey = (userId: string, productId: string) => ({ PK: partitionOf(userId), SK: `${linePrefix}${productId}` });
const headerKey = (userId: string) => ({ PK: partitionOf(userId), SK: 'HEADER' });

/** DynamoDB writes at most 100 items per transaction; 25 lines plus the header stays well inside it. */
const linesPerClearTransaction = 25;

/** How hard to try when transactions on one cart collide: attempts, and the first backoff step (doubling, jittered). */
export interface CollisionRetry {
  attempts: number;
  backoffMs: number;
}

const defaultRetry: CollisionRetry = { attempts: 8, backoffMs: 10 };

type Item = Record<string, unknown>;

/** The item DynamoDB returned with a failed condition (ReturnValuesOnConditionCheckFailure), still in wire format. */
function returnedItem(source: unknown): Item | undefined {
  const raw = source && typeof source === 'object' && 'Item' in source ? source.Item : undefined;
  return raw && typeof raw === 'object' ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

function currencyOf(value: unknown): Currency | undefined {
  const parsed = Currency.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function toLine(item: Item): StoredCartLine {
  return {
    productId: String(item['productId']),
    qty: Number(item['qty']),
    currency: currencyOf(item['currency']) ?? shopDefaultCurrency,
    addedAt: String(item['addedAt']),
    updatedAt: String(item['updatedAt']),
  };
}

function toExistingLine(item: Item): ExistingLineState | undefined {
  const currency = currencyOf(item['currency']);
  return typeof item['qty'] === 'number' && currency ? { qty: item['qty'], currency } : undefined;
}

function toHeader(item: Item | undefined): CartHeaderState | undefined {
  if (!item) return undefined;
  return { lineCount: Number(item['lineCount'] ?? 0), currency: currencyOf(item['currency']) };
}

export function dynamoCartRepository(client: DynamoDBDocumentClient, tableName: string, retry: CollisionRetry = defaultRetry): CartRepository {
  const { attempts } = retry;
  const pause = (attempt: number) => jitteredBackoff(attempt, { baseDelayMs: retry.backoffMs, maxDelayMs: 400 });

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

  /** Changes a line that exists; false when there is none. */
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
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...lineKey(userId, change.productId), productId: change.productId, qty: change.quantity, currency: change.currency, addedAt: at, updatedAt: at },
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
          ],
        }),
      );
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

  async function readHeader(userId: string): Promise<Item | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: headerKey(userId), ConsistentRead: true }));
    return Item;
  }

  async function changeLine(userId: string, change: LineChange, now: Date, mode: 'add' | 'set'): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await updateExistingLine(userId, change, now, mode)) return;
        if (await createLine(userId, change, now)) return;
        // The line was created, or the cart emptied, by another request meanwhile: look again.
        if (attempt >= attempts) throw new BusyError('cart', new Error('the line kept changing'));
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= attempts) throw new BusyError('cart', error);
        await pause(attempt);
      }
    }
  }

  return {
    async load(userId) {
      return { lines: (await queryLines(userId)).map(toLine) };
    },

    addToLine: (userId, change, now) => changeLine(userId, change, now, 'add'),

    setLine: (userId, change, now) => changeLine(userId, change, now, 'set'),

    async removeLine(userId, productId) {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: tableName, Key: lineKey(userId, productId), ConditionExpression: 'attribute_exists(PK)' } },
                {
                  Update: {
                    TableName: tableName,
                    Key: headerKey(userId),
                    UpdateExpression: 'ADD lineCount :minusOne',
                    ExpressionAttributeValues: { ':minusOne': -1 },
                  },
                },
              ],
            }),
          );
          return true;
        } catch (error) {
          if (cancellationReasons(error)?.[0]?.Code === 'ConditionalCheckFailed') return false;
          if (!isTransactionConflict(error)) throw error;
          if (attempt >= attempts) throw new BusyError('cart', error);
          await pause(attempt);
        }
      }
    },

    /**
     * Deletes the lines in transactions of 25, each decrementing the header by the lines
     * it deleted, so lineCount stays exact even while other requests add or remove lines.
     * A chunk that meets a line already gone (or a collision) is cancelled whole; the
     * cart is then read again and what is left is deleted.
     */
    async clear(userId) {
      for (let attempt = 1; ; attempt++) {
        const lines = await queryLines(userId);
        if (lines.length === 0) return;
        try {
          for (const chunk of chunked(lines, linesPerClearTransaction)) {
            await client.send(
              new TransactWriteCommand({
                TransactItems: [
                  ...chunk.map((line) => ({
                    Delete: { TableName: tableName, Key: { PK: line['PK'], SK: line['SK'] }, ConditionExpression: 'attribute_exists(PK)' },
                  })),
                  {
                    Update: {
                      TableName: tableName,
                      Key: headerKey(userId),
                      UpdateExpression: 'ADD lineCount :removed',
                      ExpressionAttributeValues: { ':removed': -chunk.length },
                    },
                  },
                ],
              }),
            );
          }
          return;
        } catch (error) {
          if (!cancellationReasons(error) && !isTransactionConflict(error)) throw error;
          if (attempt >= attempts) throw new BusyError('cart', error);
          await pause(attempt);
        }
      }
    },
  };
}
