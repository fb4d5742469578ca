import type { AttributeValue as StreamAttributeValue, _Record as StreamApiRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { localRegion } from './dynamodb-local.js';

type Image = Record<string, AttributeValue>;

/** The Streams API returns binary as bytes; Lambda's stream event carries it base64-encoded. */
function toEventAttribute(value: StreamAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toEventAttribute) };
  if (value.M !== undefined) return { M: toEventImage(value.M) };
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  return { NULL: true };
}

function toEventImage(image: Record<string, StreamAttributeValue>): Image;
function toEventImage(image: Record<string, StreamAttributeValue> | undefined): Image | undefined;
function toEventImage(image: Record<string, StreamAttributeValue> | undefined): Image | undefined {
  if (!image) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toEventAttribute(value)]));
}

/** One record of the DynamoDB stream event Lambda hands to a stream consumer. */
export function toLambdaRecord(record: StreamApiRecord, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? localRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: change?.ApproximateCreationDateTime
        ? Math.floor(change.ApproximateCreationDateTime.getTime() / 1000)
        : undefined,
      Keys: toEventImage(change?.Keys),
      NewImage: toEventImage(change?.NewImage),
      OldImage: toEventImage(change?.OldImage),
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  };
}
