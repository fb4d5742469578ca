import { BatchGetCommand, GetCommand, type BatchGetCommandOutput, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailure } from '@shoplane/lambda-kit';
import type { StockRepository } from '../domain/ports.js';
import { restockMovement, type StockRecord } from '../domain/stock.js';
import { movementUpdate, stockItem, stockKey, toStockRecord } from './table-items.js';

/** BatchGetItem reads at most 100 keys a call; a reservation has at most 50 lines. */
const batchGetLimit = 100;

/** Strongly consistent reads of several stock records, following up on keys DynamoDB left unprocessed. */
export async function readStockRecords(client: DynamoDBDocumentClient, tableName: string, productIds: string[]): Promise<Map<string, StockRecord>> {
  const found = new Map<string, StockRecord>();
  for (let start = 0; start < productIds.length; start += batchGetLimit) {
    let keys: Record<string, unknown>[] | undefined = productIds.slice(start, start + batchGetLimit).map(stockKey);
    while (keys && keys.length > 0) {
      const answer: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of answer.Responses?.[tableName] ?? []) {
        const record = toStockRecord(item);
        if (record) found.set(record.productId, record);
      }
      keys = answer.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}

export function dynamoStockRepository(client: DynamoDBDocumentClient, tableName: string): StockRepository {
  return {
    async find(productId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: stockKey(productId), ConsistentRead: true }));
      return toStockRecord(Item);
    },

    findMany: (productIds) => readStockRecords(client, tableName, productIds),

    async createIfAbsent(record, change) {
      try {
        await client.send(
          new PutCommand({ TableName: tableName, Item: stockItem(record, change), ConditionExpression: 'attribute_not_exists(PK)' }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailure(error)) return false;
        throw error;
      }
    },

    async restock(productId, quantity, change) {
      // A single-item update needs no transaction: its InventoryUpdated comes from the record's own stream.
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({ ...movementUpdate(tableName, restockMovement(productId, quantity), change), ReturnValues: 'ALL_NEW' }),
        );
        return toStockRecord(Attributes);
      } catch (error) {
        if (isConditionalCheckFailure(error)) return undefined;
        throw error;
      }
    },
  };
}
