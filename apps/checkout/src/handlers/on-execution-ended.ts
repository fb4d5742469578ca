import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger, settlement } from '../adapters/dependencies.js';
import { endedExecutionOf } from '../adapters/execution-status-events.js';
import { settleAbandonedCheckout, type OrderSettlement } from '../domain/backstop.js';

/**
 * The backstop: Step Functions reports an execution that failed, timed out or was
 * aborted; its order is failed and whatever it held or charged is undone. Each message
 * is settled on its own and only failures are retried (then dead-lettered).
 */
export function onExecutionEndedHandler(deps: () => OrderSettlement) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const ended = endedExecutionOf(record.body);
      if (!ended) {
        logger.error('unreadable execution status event dropped', { messageId: record.messageId });
        continue;
      }
      try {
        const outcome = await settleAbandonedCheckout(deps(), ended);
        logger.info(`backstop: ${outcome.action}`, { ...outcome, orderId: ended.orderId, executionArn: ended.executionArn });
      } catch (error) {
        logger.error('backstop could not settle the order; it will be retried', {
          orderId: ended.orderId,
          error: error instanceof Error ? error.message : String(error),
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

export const handler = onExecutionEndedHandler(settlement);
