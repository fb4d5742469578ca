import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { StockCommittedMessage } from '@shoplane/contracts';
import type { Logger } from '@shoplane/lambda-kit';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** Analytics' ingest queue, as inventory may use it: send, nothing else (its stack grants sqs:SendMessage on it alone). */
export interface AnalyticsQueue {
  /** Sends each message; resolves the event ids of those the queue did not take. */
  send(messages: StockCommittedMessage[]): Promise<{ failedEventIds: string[] }>;
}

/** The queue through SQS SendMessage, one call a message (in parallel); `queueUrl` resolves the URL on first use. */
export function sqsAnalyticsQueue(client: Pick<SQSClient, 'send'>, queueUrl: () => string, logger: Logger): AnalyticsQueue {
  return {
    async send(messages) {
      const url = queueUrl();
      const outcomes = await Promise.allSettled(messages.map((message) => client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(message) }))));
      const failedEventIds = messages.filter((_message, index) => outcomes[index]?.status === 'rejected').map((message) => message.eventId);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') logger.error('analytics message not sent', { reason: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) });
      }
      return { failedEventIds };
    },
  };
}

/**
 * Stream handler that sends the analytics messages stream records stand for
 * (`messageOf`). Records whose message was not taken, or that cannot be read, are
 * reported back, so the stream retries them (at-least-once; analytics dedupes by eventId).
 */
export function streamMessageSender(queue: () => AnalyticsQueue, logger: Logger, messageOf: (record: DynamoDBRecord) => StockCommittedMessage | undefined) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending: { message: StockCommittedMessage; sequenceNumber: string }[] = [];
    const failed: string[] = [];
    for (const record of event.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      try {
        const message = messageOf(record);
        if (message) pending.push({ message, sequenceNumber });
      } catch (error) {
        logger.error('unreadable stream record', { sequenceNumber, reason: error instanceof Error ? error.message : String(error) });
        failed.push(sequenceNumber);
      }
    }
    if (pending.length > 0) {
      try {
        const { failedEventIds } = await queue().send(pending.map((entry) => entry.message));
        failed.push(...pending.filter((entry) => failedEventIds.includes(entry.message.eventId)).map((entry) => entry.sequenceNumber));
        logger.info('analytics messages sent', { count: pending.length - failedEventIds.length });
      } catch (error) {
        logger.error('sending analytics messages failed; the stream will retry the batch', error instanceof Error ? error : String(error));
        failed.push(...pending.map((entry) => entry.sequenceNumber));
      }
    }
    return { batchItemFailures: [...new Set(failed)].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
