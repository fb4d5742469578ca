import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InventoryUpdated } from '@shoplane/contracts';
import type { EventBus, Logger } from '@shoplane/lambda-kit';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
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
 * so consumers' eventId dedupe holds.
 */
export function stockChangeEventId(productId: string, version: number, updatedAt: string): string {
  const time = BigInt(Date.parse(updatedAt));
  const timeBytes = new Uint8Array(6);
  for (let index = 0; index < 6; index++) timeBytes[index] = Number((time >> BigInt(8 * (5 - index))) & 255n);
  const digest = createHash('sha256').update(`${productId}#${version}`).digest().subarray(0, 10);
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
 * Stream handler: publishes the InventoryUpdated of each stock change to the bus.
 * Records the bus refused are reported so the stream retries them (at least once).
 */
export function stockChangePublisher(bus: () => EventBus, logger: Logger) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending: { envelope: InventoryUpdated; sequenceNumber: string }[] = [];
    // A record that cannot be read is reported, not skipped: after the stream's retries it lands in the on-failure queue.
    const unreadable: string[] = [];
    for (const record of event.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      try {
        const envelope = inventoryUpdatedOf(record);
        if (envelope) pending.push({ envelope, sequenceNumber });
      } catch (error) {
        logger.error('unreadable stock change', { sequenceNumber, reason: error instanceof Error ? error.message : String(error) });
        unreadable.push(sequenceNumber);
      }
    }
    const failures = (sequenceNumbers: string[]) => ({ batchItemFailures: sequenceNumbers.map((itemIdentifier) => ({ itemIdentifier })) });
    if (pending.length === 0) return failures(unreadable);
    try {
      const { failedEventIds } = await bus().put(pending.map((p) => p.envelope));
      const refused = pending.filter((p) => failedEventIds.includes(p.envelope.eventId));
      if (refused.length > 0) logger.warn('events refused by the bus; the stream will retry them', { eventIds: failedEventIds });
      logger.info('inventory changes published', { count: pending.length - refused.length });
      return failures([...unreadable, ...refused.map((p) => p.sequenceNumber)]);
    } catch (error) {
      logger.error('publishing inventory changes failed; the stream will retry the batch', error instanceof Error ? error : String(error));
      return failures([...unreadable, ...pending.map((p) => p.sequenceNumber)]);
    }
  };
}
