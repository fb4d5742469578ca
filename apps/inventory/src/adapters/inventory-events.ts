import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InventoryUpdated, StockCommittedMessage } from '@shoplane/contracts';
import type { DynamoDBRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { stockKeyPrefix } from './table-items.js';

/**
 * Inventory announces every new version of a stock record as InventoryUpdated, read
 * from the table's own stream. The stream is the outbox: it holds exactly the changes
 * DynamoDB committed, with the counts after each one (a transaction cannot return
 * them, so an outbox row written beside the change could not know them), and it costs
 * no transaction items (a 50-line reservation plus 50 outbox rows would be 101 > 100).
 */

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeBase32(bytes: Uint8Array, length: number): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  const totalBits = BigInt(bytes.length * 8);
  let text = '';
  for (let index = 1; index <= length; index++) {
    text += crockford[Number((bits >> (totalBits - 5n * BigInt(index))) & 31n)];
  }
  return text;
}

/**
 * The id of the event for one version of one record: a ULID whose time is the
 * change's and whose random part is a hash of (product, version). The stream may
 * hand a change over more than once; it is announced under the same id each time,
 * so consumers' eventId dedupe holds. Another fact told of the same change (the
 * analytics message) names itself in `fact`, so its id differs from the event's.
 */
export function stockChangeEventId(productId: string, version: number, updatedAt: string, fact?: string): string {
  const time = BigInt(Date.parse(updatedAt));
  const timeBytes = new Uint8Array(6);
  for (let index = 0; index < 6; index++) timeBytes[index] = Number((time >> BigInt(8 * (5 - index))) & 255n);
  const digest = createHash('sha256').update(`${productId}#${version}${fact ? `#${fact}` : ''}`).digest().subarray(0, 10);
  return `evt_${encodeBase32(timeBytes, 10)}${encodeBase32(digest, 16)}`;
}

const StockImage = z.object({
  PK: z.string().check(z.startsWith(stockKeyPrefix)),
  productId: z.string(),
  availableStock: z.int(),
  reservedStock: z.int(),
  version: z.int(),
  updatedAt: z.string(),
  changeReason: z.string(),
  changeCorrelationId: z.string(),
});

const imageOf = (image: Record<string, unknown> | undefined) => (image ? unmarshall(image as Record<string, AttributeValue>) : undefined);

/** The InventoryUpdated a stream record announces, if it is a new version of a stock record. */
export function inventoryUpdatedOf(record: DynamoDBRecord): InventoryUpdated | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const newImage = imageOf(record.dynamodb?.NewImage);
  if (typeof newImage?.['PK'] !== 'string' || !newImage['PK'].startsWith(stockKeyPrefix)) return undefined;
  const stock = StockImage.parse(newImage);
  if (imageOf(record.dynamodb?.OldImage)?.['version'] === stock.version) return undefined;
  return InventoryUpdated.parse({
    eventId: stockChangeEventId(stock.productId, stock.version, stock.updatedAt),
    eventType: 'InventoryUpdated',
    source: 'shoplane.inventory',
    occurredAt: stock.updatedAt,
    correlationId: stock.changeCorrelationId,
    data: {
      productId: stock.productId,
      availableStock: stock.availableStock,
      reservedStock: stock.reservedStock,
      version: stock.version,
      reason: stock.changeReason,
    },
  });
}

/**
 * The seed's "SQS message for analytics" a stream record stands for: a new version of a
 * stock record committed for a reservation, with the units it took (the fall in reserved
 * stock from the previous version, which only the stream's old image knows).
 */
export function stockCommittedMessageOf(record: DynamoDBRecord): StockCommittedMessage | undefined {
  if (record.eventName !== 'MODIFY') return undefined;
  const newImage = imageOf(record.dynamodb?.NewImage);
  if (typeof newImage?.['PK'] !== 'string' || !newImage['PK'].startsWith(stockKeyPrefix) || newImage['changeReason'] !== 'committed') return undefined;
  const stock = StockImage.parse(newImage);
  const before = StockImage.parse(imageOf(record.dynamodb?.OldImage));
  if (before.version === stock.version) return undefined;
  return StockCommittedMessage.parse({
    eventId: stockChangeEventId(stock.productId, stock.version, stock.updatedAt, 'STOCK_COMMITTED'),
    eventType: 'STOCK_COMMITTED',
    metadata: {
      productId: stock.productId,
      quantity: before.reservedStock - stock.reservedStock,
      reservationId: stock.changeCorrelationId,
      availableStock: stock.availableStock,
      reservedStock: stock.reservedStock,
      version: stock.version,
    },
    timestamp: stock.updatedAt,
  });
}
