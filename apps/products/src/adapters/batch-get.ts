import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { jitteredBackoff, ServiceUnavailableError } from '@shoplane/lambda-kit';
import type { CatalogueProduct } from '../domain/product.js';
import { productFromItem } from './product-items.js';
import { productKey } from './table-layout.js';
import type { DocumentClient } from './transactions.js';

/** BatchGetItem reads at most 100 keys a call. */
const batchGetLimit = 100;

export interface BatchGetSettings {
  /** Calls per chunk, the first included, before giving up on keys DynamoDB keeps leaving unprocessed. */
  attempts?: number;
  pause?: (attempt: number) => Promise<void>;
}

type Key = Record<string, unknown>;

/**
 * Reads products by id with BatchGetItem, strongly consistent (orders are priced
 * from this). Keys DynamoDB leaves unprocessed (throttling, 16 MB answers) are
 * asked for again after a growing pause, a bounded number of times.
 */
export async function batchGetProducts(
  client: DocumentClient,
  tableName: string,
  productIds: string[],
  settings: BatchGetSettings = {},
): Promise<CatalogueProduct[]> {
  const attempts = settings.attempts ?? 5;
  const pause = settings.pause ?? ((attempt: number) => jitteredBackoff(attempt, { baseDelayMs: 25, maxDelayMs: 1000 }));
  const products: CatalogueProduct[] = [];
  for (let start = 0; start < productIds.length; start += batchGetLimit) {
    let keys: Key[] = productIds.slice(start, start + batchGetLimit).map(productKey);
    for (let attempt = 1; keys.length > 0; attempt++) {
      if (attempt > attempts) throw new ServiceUnavailableError('The catalogue is busy; try again shortly.');
      if (attempt > 1) await pause(attempt - 1);
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      products.push(...(Responses?.[tableName] ?? []).map(productFromItem));
      keys = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return products;
}
