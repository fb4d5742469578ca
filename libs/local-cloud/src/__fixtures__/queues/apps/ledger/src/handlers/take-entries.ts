import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { received } from '../received.js';

/** Keeps every body it is handed; reports `poison` failed, every time. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  for (const record of event.Records) received().push({ body: record.body, receiveCount: Number(record.attributes.ApproximateReceiveCount) });
  return { batchItemFailures: event.Records.filter((record) => record.body === 'poison').map((record) => ({ itemIdentifier: record.messageId })) };
}
