import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendAwsJson, sendAwsJsonError } from './aws-wire.js';
import { QueueNotFoundError, type LocalEventBus } from './event-bus.js';
import type { LocalFunction } from './functions.js';
import { queueAddressed, type LocalQueue } from './local-queues.js';
import type { LocalAccess } from './permissions.js';

/** SQS refuses bodies over 256 KiB. */
const maxBodyBytes = 262_144;
/** What SendMessage can ask for that the local queues do not do: refused by name, never silently ignored. */
const unsupported = ['DelaySeconds', 'MessageAttributes', 'MessageSystemAttributes', 'MessageGroupId', 'MessageDeduplicationId'];

type Operation = (input: Record<string, unknown>, response: ServerResponse, caller: LocalFunction | undefined) => void;

export interface SqsBackends {
  bus: Pick<LocalEventBus, 'send'>;
  queues: readonly LocalQueue[];
  /** Answers AccessDeniedException (and true) when the caller's declarations do not grant the access. */
  denied(response: ServerResponse, caller: LocalFunction | undefined, access: LocalAccess, resourceArn: string): boolean;
}

/** An SQS JSON-protocol error: the SDK reads the code from `__type` (`com.amazonaws.sqs#<Code>`). */
function sendSqsError(response: ServerResponse, code: string, message: string): void {
  sendAwsJsonError(response, 400, `com.amazonaws.sqs#${code}`, message);
}

/**
 * SQS SendMessage (JSON protocol, `X-Amz-Target: AmazonSQS.SendMessage`, reached through
 * `AWS_ENDPOINT_URL_SQS` and the queue URL's own host) into a manifest queue: the message
 * joins that queue on the local bus and reaches its consumer with the same batches,
 * redelivery and dead-letter list as the bus's events. A function may send only to the
 * queues it declares in `sendsTo`, as its IAM policy allows in AWS.
 */
export function sqsOperations(backends: SqsBackends): Record<string, Operation> {
  return {
    'AmazonSQS.SendMessage': (input, response, caller) => {
      const queueUrl = typeof input.QueueUrl === 'string' ? input.QueueUrl : '';
      const queue = queueAddressed(backends.queues, queueUrl);
      if (!queue) return sendSqsError(response, 'QueueDoesNotExist', 'The specified queue does not exist.');
      if (backends.denied(response, caller, { action: 'sqs:SendMessage', queue: queue.key }, queue.arn)) return;
      const body = typeof input.MessageBody === 'string' ? input.MessageBody : '';
      if (body === '') return sendSqsError(response, 'MissingParameter', 'The request must contain the parameter MessageBody.');
      if (Buffer.byteLength(body) > maxBodyBytes) return sendSqsError(response, 'InvalidParameterValue', `One or more parameters are invalid. Reason: Message must be shorter than ${maxBodyBytes} bytes.`);
      const asked = unsupported.filter((parameter) => input[parameter] !== undefined);
      if (asked.length > 0) return sendSqsError(response, 'UnsupportedOperation', `The local runtime does not emulate SendMessage with ${asked.join(', ')}.`);
      let messageId: string | undefined;
      try {
        [messageId] = backends.bus.send(queue.queueName, body);
      } catch (error) {
        if (error instanceof QueueNotFoundError) return sendSqsError(response, 'QueueDoesNotExist', 'The specified queue does not exist.');
        throw error;
      }
      // The SDK checks the body's MD5 against this answer.
      const md5 = createHash('md5').update(body).digest('hex');
      sendAwsJson(response, 200, { MessageId: messageId, MD5OfMessageBody: md5 }, { 'content-type': 'application/x-amz-json-1.0' });
    },
  };
}
