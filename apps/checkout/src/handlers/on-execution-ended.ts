import { instrumented, isLastReceive } from '@shoplane/lambda-kit';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger, metrics, settlement } from '../adapters/dependencies.js';
import { endedExecutionOf } from '../adapters/execution-status-events.js';
import { settleAbandonedCheckout, type OrderSettlement } from '../domain/backstop.js';

/**
 * The backstop: Step Functions reports an execution that failed, timed out or was
 * aborted; its order is failed and whatever it held or charged is undone. Each message
 * is settled on its own and only failures are retried (then dead-lettered, counted as
 * MessagesDeadLettered, as is an unreadable event dropped).
 */
export function onExecutionEndedHandler(deps: () => OrderSettlement) {
  return instrumented(logger, async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const ended = endedExecutionOf(record.body);
      if (!ended) {
        logger.error('unreadable execution status event dropped', { messageId: record.messageId });
        metrics.count('MessagesDeadLettered');
        continue;
      }
      if (ended.correlationId) logger.appendKeys({ correlationId: ended.correlationId });
      try {
        const outcome = await settleAbandonedCheckout(deps(), ended);
        logger.info(`backstop: ${outcome.action}`, { ...outcome, orderId: ended.orderId, executionArn: ended.executionArn });
      } catch (error) {
        const lastReceive = isLastReceive(record);
        logger.error(lastReceive ? 'backstop could not settle the order; it goes to the dead-letter queue' : 'backstop could not settle the order; it will be retried', {
          orderId: ended.orderId,
          error: error instanceof Error ? error.message : String(error),
        });
        if (lastReceive) metrics.count('MessagesDeadLettered');
        batchItemFailures.push({ itemIdentifier: record.messageId });
      } finally {
        logger.removeKeys(['correlationId']);
      }
    }
    return { batchItemFailures };
  });
}

export const handler = onExecutionEndedHandler(settlement);
