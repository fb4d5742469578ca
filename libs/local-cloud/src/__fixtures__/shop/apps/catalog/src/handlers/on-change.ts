import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { recorded } from '../recorder.js';

/** A stream consumer that reports a record with `flaky: once` as failed the first time it sees it. */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const seen = recorded().stream;
  for (const record of event.Records) {
    const eventID = record.eventID ?? '';
    const firstTime = !seen.some((entry) => entry.eventID === eventID);
    seen.push({ eventID, eventName: record.eventName ?? '', keys: record.dynamodb?.Keys, newImage: record.dynamodb?.NewImage, oldImage: record.dynamodb?.OldImage });
    if (firstTime && record.dynamodb?.NewImage?.flaky?.S === 'once') {
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
