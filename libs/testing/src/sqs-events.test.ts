import type { DomainEvent } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import { sqsBatch, subscriptionBatch } from './sqs-events.js';

const thingCreated = {
  eventId: 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
  eventType: 'ThingCreated',
  source: 'things',
  occurredAt: '2026-11-25T10:00:00.000Z',
  correlationId: 'c-1',
  data: { thingId: 'thg_1' },
} as unknown as DomainEvent;

describe('SQS batches', () => {
  it('carry one record per body, with stable message ids and the attributes Lambda receives', () => {
    const batch = sqsBatch('first', 'second');

    expect(batch.Records.map((record) => [record.messageId, record.body])).toEqual([
      ['m-0', 'first'],
      ['m-1', 'second'],
    ]);
    expect(batch.Records[0]).toMatchObject({ eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '1' } });
  });

  it('of domain events wrap each in the EventBridge event a subscription rule delivers', () => {
    const [record] = subscriptionBatch(thingCreated).Records;

    expect(JSON.parse(record?.body ?? '{}')).toMatchObject({ version: '0', 'detail-type': 'ThingCreated', source: 'things', detail: thingCreated });
  });
});
