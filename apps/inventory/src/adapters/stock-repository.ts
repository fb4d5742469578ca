import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, isConditionalCheckFailure } from '@shoplane/lambda-kit';
import type { StockRepository } from '../domain/ports.js';
import { restockMovement, type StockRecord } from '../domain/stock.js';
import { movementUpdate, stockItem, stockKey, toStockRecord } from './table-items.js';

/** Strongly consistent reads of several stock records, by product id. */
export async function readStockRecords(client: DynamoDBDocumentClient, tableName: string, productIds: string[]): Promise<Map<string, StockRecord>> {
  const items = await batchGetAll(client, tableName, productIds.map(stockKey), { consistentRead: true, subject: 'stock' });
  const found = new Map<string, StockRecord>();
  for (const item of items) {
    const record = toStockRecord(item);
    if (record) found.set(record.productId, record);
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
