import { instrumented, isLastReceive } from '@shoplane/lambda-kit';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ingestDependencies, logger, metrics } from '../adapters/dependencies.js';
import { readIngestMessage, UnreadableMessageError } from '../adapters/ingest-messages.js';
import { ingest, type IngestDependencies } from '../domain/ingest.js';

/**
 * Drains the ingest queue: each message becomes one EventLogs entry and its counters,
 * in one transaction, one message after another (messages of one batch often add to
 * the same counters). A message that fails, readable or not, is reported as a batch
 * item failure: the queue redelivers it and, after its retries, keeps it in the
 * dead-letter queue (counted as MessagesDeadLettered on its last receive); the rest of
 * the batch is done.
 */
export function ingestHandler(deps: () => IngestDependencies) {
  return instrumented(logger, async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const message = readIngestMessage(record.body);
        if (message.kind === 'event') logger.appendKeys({ correlationId: message.event.correlationId });
        const outcome = await ingest(deps(), message);
        logger.info(outcome === 'duplicate' ? 'already recorded' : 'recorded', { messageId: record.messageId, eventId: message.kind === 'event' ? message.event.eventId : message.message.eventId });
      } catch (error) {
        const unreadable = error instanceof UnreadableMessageError;
        logger.error(unreadable ? 'unreadable message; it will reach the dead-letter queue' : 'recording failed; it will be retried', {
          messageId: record.messageId,
          receiveCount: record.attributes.ApproximateReceiveCount,
          reason: error instanceof Error ? error.message : String(error),
        });
        if (isLastReceive(record)) metrics.count('MessagesDeadLettered');
        batchItemFailures.push({ itemIdentifier: record.messageId });
      } finally {
        logger.removeKeys(['correlationId']);
      }
    }
    return { batchItemFailures };
  });
}

export const handler = ingestHandler(ingestDependencies);
