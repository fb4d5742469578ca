import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { recorded } from '../recorder.js';

/**
 * A bus subscriber that fails on purpose when the event asks it to: `failReceives: n`
 * reports the record failed on its first n receives; `throw: true` fails the whole batch.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    recorded().subscriber.push({ messageId: record.messageId, receiveCount, body: record.body });
    const detail = (JSON.parse(record.body) as { detail: { failReceives?: number; throw?: boolean } }).detail;
    if (detail.throw) throw new Error('subscriber crashed');
    if (receiveCount <= (detail.failReceives ?? 0)) batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
}
