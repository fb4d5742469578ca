import { createHash, randomBytes } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';

/** Receives before the local bus dead-letters a message (AWS: the queues' maxReceiveCount, 5). */
export const localMaxReceives = 3;

/** A message as a queue holds it between receives. */
export interface QueuedMessage {
  messageId: string;
  body: string;
  /** Receives so far, this one included. */
  receiveCount: number;
  /** Epoch milliseconds. */
  sentAt: number;
  firstReceivedAt?: number;
}

/** One record of the SQS event Lambda's event source mapping hands to a queue's consumer. */
export function toSqsRecord(queueName: string, message: QueuedMessage): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: randomBytes(24).toString('base64'),
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'AROAEVENTBRIDGE:local',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? Date.now()),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(message.body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${localRegion}:${localAccountId}:${queueName}`,
    awsRegion: localRegion,
  };
}

export function toSqsEvent(queueName: string, messages: QueuedMessage[]): SQSEvent {
  return { Records: messages.map((message) => toSqsRecord(queueName, message)) };
}
