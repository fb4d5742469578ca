import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxTimeToLiveAttribute } from '@shoplane/manifest';
import type { TransactItem } from './dynamodb.js';
import type { EventBus } from './events.js';
import { instrumented } from './instrumentation.js';
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

/** The event an outbox row carries, for stream records that insert one. */
export function outboxEventOf(record: DynamoDBRecord): DomainEvent | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (typeof item['PK'] !== 'string' || !item['PK'].startsWith(outboxKeyPrefix)) return undefined;
  return item['event'] as DomainEvent;
}

/**
 * Stream handler that publishes the events stream records announce (`eventsOf` reads
 * them: outbox rows by default). Records whose events the bus refused, or that cannot
 * be read, are reported back so the stream retries them and, after its retries, sets
 * them aside in the on-failure queue (at-least-once; consumers dedupe by eventId).
 */
export function streamEventPublisher(
  bus: () => EventBus,
  logger: Logger,
  eventsOf: (record: DynamoDBRecord) => DomainEvent | undefined = outboxEventOf,
) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending: { envelope: DomainEvent; sequenceNumber: string }[] = [];
    const unreadable: string[] = [];
    for (const record of event.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      try {
        const envelope = eventsOf(record);
        if (envelope) pending.push({ envelope, sequenceNumber });
      } catch (error) {
        logger.error('unreadable stream record', { sequenceNumber, reason: error instanceof Error ? error.message : String(error) });
        unreadable.push(sequenceNumber);
      }
    }
    const failures = (sequenceNumbers: string[]) => ({ batchItemFailures: sequenceNumbers.map((itemIdentifier) => ({ itemIdentifier })) });
    if (pending.length === 0) return failures(unreadable);
    try {
      const { failedEventIds } = await bus().put(pending.map((p) => p.envelope));
      const refused = pending.filter((p) => failedEventIds.includes(p.envelope.eventId));
      if (refused.length > 0) logger.warn('events refused by the bus; the stream will retry them', { eventIds: failedEventIds });
      logger.info('events published', { count: pending.length - refused.length });
      return failures([...unreadable, ...refused.map((p) => p.sequenceNumber)]);
    } catch (error) {
      logger.error('publishing events failed; the stream will retry the batch', error instanceof Error ? error : String(error));
      return failures([...unreadable, ...pending.map((p) => p.sequenceNumber)]);
    }
  };
}

/** Publishes a table's outbox rows (see `outboxPut`): a table stream's handler. */
export function outboxPublisher(bus: () => EventBus, logger: Logger) {
  return instrumented(logger, streamEventPublisher(bus, logger, outboxEventOf));
}
