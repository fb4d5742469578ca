import { domainEvents, type DomainEvent, type DomainEventType } from '@shoplane/contracts';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { instrumented } from './instrumentation.js';
import { metricsOf, type Logger } from './logger.js';
import { validateInput } from './validation.js';

export type EventHandlers = { [T in DomainEventType]?: (event: DomainEvent<T>) => Promise<void> };

/** An event the contract does not describe: retrying cannot fix it, so it is dropped loudly. */
class UnreadableEventError extends Error {}

function readEnvelope(body: string): DomainEvent {
  let eventBridgeEvent: { 'detail-type'?: string; detail?: unknown };
  try {
    eventBridgeEvent = JSON.parse(body) as typeof eventBridgeEvent;
  } catch {
    throw new UnreadableEventError('message body is not JSON');
  }
  const type = eventBridgeEvent['detail-type'];
  if (!type || !(type in domainEvents)) throw new UnreadableEventError(`unknown event type ${type}`);
  const parsed = validateInput(domainEvents[type as DomainEventType], eventBridgeEvent.detail);
  if (!parsed.success) throw new UnreadableEventError(`${type} does not match its schema: ${JSON.stringify(parsed.errors)}`);
  return parsed.data as DomainEvent;
}

/** The queue's maxReceiveCount (cdk-kit's queues: 5; the local bus: 3), for the consumer to know a last receive. */
export const maxReceiveCountVariable = 'QUEUE_MAX_RECEIVE_COUNT';
const defaultMaxReceiveCount = 5;

/** True when the queue will not deliver this message again after a failure: it moves to the dead-letter queue. */
export function isLastReceive(record: Pick<SQSRecord, 'attributes'>, env: NodeJS.ProcessEnv = process.env): boolean {
  const configured = Number(env[maxReceiveCountVariable]);
  const maxReceiveCount = Number.isInteger(configured) && configured > 0 ? configured : defaultMaxReceiveCount;
  return Number(record.attributes.ApproximateReceiveCount) >= maxReceiveCount;
}

/**
 * Consumes domain events from a subscription queue (EventBridge rule → SQS → Lambda).
 * Each message is handled on its own; failures are reported per message so only those
 * are retried and, after the queue's limit, land in its DLQ. Handlers must be idempotent
 * (a message can arrive more than once): dedupe by `eventId` or make the write conditional.
 * A message given up on (unreadable, or failed on its last receive) counts as
 * `MessagesDeadLettered`.
 */
export function eventSubscriber(handlers: EventHandlers, logger: Logger) {
  const metrics = metricsOf(logger);
  return instrumented(logger, async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      let envelope: DomainEvent | undefined;
      try {
        envelope = readEnvelope(record.body);
        const handle = handlers[envelope.eventType] as ((event: DomainEvent) => Promise<void>) | undefined;
        if (!handle) {
          logger.warn('no handler for event type; acknowledged', { eventType: envelope.eventType, eventId: envelope.eventId });
          continue;
        }
        logger.appendKeys({ correlationId: envelope.correlationId });
        await handle(envelope);
      } catch (error) {
        if (error instanceof UnreadableEventError) {
          logger.error('unreadable event dropped', { messageId: record.messageId, reason: error.message });
          metrics.count('MessagesDeadLettered');
          continue;
        }
        const lastReceive = isLastReceive(record);
        logger.error(lastReceive ? 'event handling failed on its last receive; it goes to the dead-letter queue' : 'event handling failed; it will be retried', {
          messageId: record.messageId,
          eventId: envelope?.eventId,
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
