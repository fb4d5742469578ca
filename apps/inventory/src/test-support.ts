import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { InventoryUpdated } from '@shoplane/contracts';
import { createTokenSigner, createTokenVerifier, dynamoIdempotencyStore, newId, toEnvelope } from '@shoplane/lambda-kit';
import { admin, createTestTable, customer, generateTestKeys, localStoreEndpoint, testTokenSettings, type TestTable } from '@shoplane/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { inventoryUpdatedOf } from './adapters/inventory-events.js';
import { dynamoReservationRepository } from './adapters/reservation-repository.js';
import { dynamoStockRepository } from './adapters/stock-repository.js';
import { recordNewProduct, type InventoryDependencies } from './domain/inventory.js';
import { reserve } from './domain/reservations.js';
import { service } from './service.js';

export const newProductId = () => newId('prd');

export function productCreated(productId: string, stock: number, correlationId = 'corr-product-created') {
  return toEnvelope('products', {
    eventType: 'ProductCreated',
    correlationId,
    data: { productId, name: 'Enamel kettle', category: 'kitchen', price: { amount: 3900, currency: 'USD' }, stock },
  });
}

/** Every change record on the table's stream so far, shaped as Lambda receives them. */
export async function streamRecords(table: TestTable): Promise<DynamoDBRecord[]> {
  const streams = new DynamoDBStreamsClient({
    endpoint: localStoreEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.name }));
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table?.LatestStreamArn }));
    const records: DynamoDBRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator: iterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: Table?.LatestStreamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        // Stream images of strings, numbers, maps and lists are the same JSON Lambda receives.
        records.push(...((page.Records ?? []) as DynamoDBRecord[]));
        iterator = (page.Records ?? []).length > 0 ? page.NextShardIterator : undefined;
      }
    }
    return records;
  } finally {
    streams.destroy();
  }
}

/** The InventoryUpdated events the table's stream announces for one product, oldest first. */
export async function announcedChanges(table: TestTable, productId: string): Promise<InventoryUpdated[]> {
  return (await streamRecords(table)).flatMap((record) => {
    const event = inventoryUpdatedOf(record);
    return event && event.data.productId === productId ? [event] : [];
  });
}

/** Inventory wired to a fresh table in DynamoDB Local, with in-memory token keys. */
export async function inventoryTestbed() {
  const table = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const signer = createTokenSigner(keys, testTokenSettings);
  const deps: InventoryDependencies = {
    stock: dynamoStockRepository(table.documents, table.name),
    reservations: dynamoReservationRepository(table.documents, table.name),
  };
  return {
    table,
    deps,
    inventory: () => deps,
    idempotency: () => dynamoIdempotencyStore(table.documents, table.name),
    verifier: () => createTokenVerifier(keys, testTokenSettings),
    adminToken: (await signer.sign(admin)).token,
    customerToken: (await signer.sign(customer)).token,
    /** A product with `stock` units, `held` of them reserved under a fresh reservation id. */
    async heldReservation(stock: number, held: number): Promise<{ productId: string; reservationId: string }> {
      const productId = await this.stockedProduct(stock);
      const reservationId = newId('ord');
      await reserve(deps, { reservationId, items: [{ productId, quantity: held }] });
      return { productId, reservationId };
    },
    /** A product inventory knows, with this much available stock. */
    async stockedProduct(stock: number): Promise<string> {
      const productId = newProductId();
      await recordNewProduct(deps, productCreated(productId, stock));
      return productId;
    },
  };
}

export type InventoryTestbed = Awaited<ReturnType<typeof inventoryTestbed>>;
