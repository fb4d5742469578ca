import { marshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { toEnvelope, type EventBus } from './events.js';
import { createLogger } from './logger.js';
import { outboxPublisher, outboxPut } from './outbox.js';

const logger = createLogger('outbox-test');
const registered = (name: string) =>
  toEnvelope('users', { eventType: 'UserRegistered', correlationId: 'c-1', data: { userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', email: `${name}@example.com`, name, role: 'customer' } });

function streamRecord(sequence: string, eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Record<string, unknown>): DynamoDBStreamEvent['Records'][number] {
  return {
    eventID: `id-${sequence}`,
    eventName,
    dynamodb: { SequenceNumber: sequence, NewImage: marshall(item) as never, Keys: marshall({ PK: item['PK'], SK: item['SK'] }) as never },
  };
}

const outboxRow = (envelope: DomainEvent) => outboxPut('table', envelope).Put?.Item ?? {};

function recordingBus(refuse: (event: DomainEvent) => boolean = () => false): EventBus & { published: DomainEvent[] } {
  const published: DomainEvent[] = [];
  return {
    published,
    async put(envelopes) {
      const failedEventIds = envelopes.filter(refuse).map((event) => event.eventId);
      published.push(...envelopes.filter((event) => !refuse(event)));
      return { failedEventIds };
    },
  };
}

describe('outbox publisher', () => {
  it('publishes the events of inserted outbox rows and nothing else', async () => {
    const bus = recordingBus();
    const event = registered('ada');

    const response = await outboxPublisher(() => bus, logger)({
      Records: [
        streamRecord('1', 'INSERT', outboxRow(event)),
        streamRecord('2', 'INSERT', { PK: 'USER#usr_1', SK: 'PROFILE', name: 'Ada' }),
        streamRecord('3', 'REMOVE', outboxRow(registered('expired'))),
      ],
    });

    expect(bus.published).toEqual([event]);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('reports the records whose events the bus refused, so the stream retries only those', async () => {
    const refused = registered('refused');
    const bus = recordingBus((event) => event.eventId === refused.eventId);

    const response = await outboxPublisher(() => bus, logger)({
      Records: [streamRecord('10', 'INSERT', outboxRow(registered('fine'))), streamRecord('11', 'INSERT', outboxRow(refused))],
    });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '11' }]);
  });

  it('reports the whole batch when the bus cannot be reached', async () => {
    const unreachable: EventBus = { put: () => Promise.reject(new Error('connect ECONNREFUSED')) };

    const response = await outboxPublisher(() => unreachable, logger)({
      Records: [streamRecord('20', 'INSERT', outboxRow(registered('a'))), streamRecord('21', 'INSERT', outboxRow(registered('b')))],
    });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '20' }, { itemIdentifier: '21' }]);
  });

  it('writes outbox rows only once per event and lets them expire after a day', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const put = outboxPut('table', registered('ttl'), now).Put;

    expect(put?.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put?.Item?.['expiresAt']).toBe(now.getTime() / 1000 + 86_400);
  });
});
