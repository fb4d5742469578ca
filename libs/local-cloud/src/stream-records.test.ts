import { describe, expect, it } from 'vitest';
import { toLambdaRecord } from './stream-records.js';

describe('a stream record as Lambda delivers it', () => {
  it('carries binary attributes base64-encoded and the creation time in epoch seconds', () => {
    // Prepare
    const record = {
      eventID: 'e1',
      eventName: 'INSERT' as const,
      dynamodb: {
        ApproximateCreationDateTime: new Date('2025-01-02T03:04:05.600Z'),
        Keys: { PK: { S: 'K' } },
        NewImage: { PK: { S: 'K' }, blob: { B: new Uint8Array([1, 2, 255]) }, nested: { M: { list: { L: [{ BS: [new Uint8Array([0])] }, { N: '1' }] } } } },
        SequenceNumber: '100',
        StreamViewType: 'NEW_AND_OLD_IMAGES' as const,
      },
    };

    // Act
    const converted = toLambdaRecord(record, 'arn:stream');

    // Assess
    expect(converted).toMatchObject({
      eventID: 'e1',
      eventSource: 'aws:dynamodb',
      eventSourceARN: 'arn:stream',
      dynamodb: {
        ApproximateCreationDateTime: 1735787045,
        NewImage: { blob: { B: 'AQL/' }, nested: { M: { list: { L: [{ BS: ['AA=='] }, { N: '1' }] } } } },
        SequenceNumber: '100',
      },
    });
  });
});
