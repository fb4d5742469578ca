import { SQSClient } from '@aws-sdk/client-sqs';
import { analyticsIngestQueue } from '@shoplane/contracts';
import { eventBridgeBus, instrumented, once, requireEnv, streamEventPublisher, tracedClient, type EventBus, type Logger } from '@shoplane/lambda-kit';
import { queueKey, queueUrlVariable } from '@shoplane/manifest';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { sqsAnalyticsQueue, streamMessageSender, type AnalyticsQueue } from '../adapters/analytics-queue.js';
import { logger } from '../adapters/dependencies.js';
import { inventoryUpdatedOf, stockCommittedMessageOf } from '../adapters/inventory-events.js';

/**
 * Inventory's stream publisher: each new version of a stock record goes out as
 * InventoryUpdated on the platform bus, and a committed one also as the seed's
 * direct message to analytics' ingest queue. Both come from the same stream record,
 * so each exists exactly when the stock change does; a record that fails either is
 * retried whole (both are deduplicated by eventId downstream).
 */
export function stockStreamPublisher(deps: { bus: () => EventBus; analytics: () => AnalyticsQueue; logger: Logger }) {
  const publish = streamEventPublisher(deps.bus, deps.logger, inventoryUpdatedOf);
  const tellAnalytics = streamMessageSender(deps.analytics, deps.logger, stockCommittedMessageOf);
  return instrumented(deps.logger, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const answers = await Promise.all([publish(event), tellAnalytics(event)]);
    const failed = new Set(answers.flatMap((answer) => answer.batchItemFailures.map((failure) => failure.itemIdentifier)));
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  });
}

const analyticsQueueUrl = () => requireEnv(queueUrlVariable(queueKey(analyticsIngestQueue)));

export const handler = stockStreamPublisher({
  bus: once(() => eventBridgeBus()),
  analytics: once(() => sqsAnalyticsQueue(tracedClient(new SQSClient({})), analyticsQueueUrl, logger)),
  logger,
});
