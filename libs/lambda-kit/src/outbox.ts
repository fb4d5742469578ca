import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxTimeToLiveAttribute } from '@shoplane/manifest';
import type { EventBus } from './events.js';
import type { Logger } from './logger.js';

/**
 * Transactional outbox. A use case writes its events into its own table in the
 * same transaction as the state change; the table's stream publishes them. So an
 * event exists exactly when the change does — never one without the other.
 */
export const outboxKeyPrefix = 'OUTBOX#';
/** Outbox rows expire a day after they are written (DynamoDB TTL removes them). */
const outboxRetentionSeconds = 24 * 3600;
export { outboxTimeToLiveAttribute };

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function outboxPut(tableName: string, envelope: DomainEvent, now = new Date()): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        PK: `${outboxKeyPrefix}${envelope.eventId}`,
        SK: 'OUTBOX',
        event: envelope,
        [outboxTimeToLiveAttribute]: Math.floor(now.getTime() / 1000) + outboxRetentionSeconds,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

function outboxEventOf(record: DynamoDBStreamEvent['Records'][number]): DomainEvent | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (typeof item['PK'] !== 'string' || !item['PK'].startsWith(outboxKeyPrefix)) return undefined;
  return item['event'] as DomainEvent;
}

/**
 * Stream handler that publishes outbox rows. Records whose events the bus refused
 * are reported back so the stream retries them (at-least-once; consumers dedupe by eventId).
 */
export function outboxPublisher(bus: () => EventBus, logger: Logger) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending = event.Records.flatMap((record) => {
      const envelope = outboxEventOf(record);
      return envelope ? [{ envelope, sequenceNumber: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' }] : [];
    });
    if (pending.length === 0) return { batchItemFailures: [] };
    try {
      const { failedEventIds } = await bus().put(pending.map((p) => p.envelope));
      const failed = pending.filter((p) => failedEventIds.includes(p.envelope.eventId));
      if (failed.length > 0) logger.warn('events refused by the bus; the stream will retry them', { eventIds: failedEventIds });
      logger.info('events published', { count: pending.length - failed.length });
      return { batchItemFailures: failed.map((p) => ({ itemIdentifier: p.sequenceNumber })) };
    } catch (error) {
      logger.error('publishing events failed; the stream will retry the batch', error instanceof Error ? error : String(error));
      return { batchItemFailures: pending.map((p) => ({ itemIdentifier: p.sequenceNumber })) };
    }
  };
}
