import type { DomainEvent } from '@shoplane/contracts';
import { toBusEvent, toSqsEvent } from '@shoplane/local-cloud';
import type { SQSEvent } from 'aws-lambda';

/**
 * An SQS batch as a queue hands it to Lambda, one message per body (ids `m-0`, `m-1`, …),
 * built by the local bus's own record builder: handler tests get exactly what `npm start` delivers.
 */
export function sqsBatch(...bodies: string[]): SQSEvent {
  const sentAt = Date.now();
  return toSqsEvent('test-queue', bodies.map((body, index) => ({ messageId: `m-${index}`, body, receiveCount: 1, sentAt })));
}

/** The EventBridge event a rule target receives for a domain event published as lambda-kit publishes it. */
export function eventBridgeBody(event: DomainEvent): string {
  return JSON.stringify(toBusEvent({ Source: event.source, DetailType: event.eventType, Detail: JSON.stringify(event) }));
}

/** An SQS batch of domain events as a subscription's queue delivers them: EventBridge events in the bodies. */
export function subscriptionBatch(...events: DomainEvent[]): SQSEvent {
  return sqsBatch(...events.map(eventBridgeBody));
}
