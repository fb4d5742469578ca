import { marshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import { createLogger, type EventBus } from '@shoplane/lambda-kit';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { streamEventPublisher } from '@shoplane/lambda-kit';
import { inventoryUpdatedOf, stockChangeEventId, stockCommittedMessageOf } from './inventory-events.js';

const productId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const logger = createLogger('inventory-events-test');

function stockImage(version: number, overrides: Record<string, unknown> = {}) {
  return {
    PK: `STOCK#${productId}`,
    SK: 'STOCK',
    productId,
    availableStock: 8,
    reservedStock: 2,
    version,
    updatedAt: `2026-03-01T10:00:0${version}.000Z`,
    changeReason: 'reserved',
    changeCorrelationId: 'ord_42',
    ...overrides,
  };
}

type Image = NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
const image = (item: Record<string, unknown>) => marshall(item) as Image;

function change(eventName: DynamoDBRecord['eventName'], newItem?: Record<string, unknown>, oldItem?: Record<string, unknown>, sequence = '1'): DynamoDBRecord {
  return {
    eventName,
    dynamodb: { SequenceNumber: sequence, NewImage: newItem && image(newItem), OldImage: oldItem && image(oldItem) },
  };
}

describe('InventoryUpdated from the stock stream', () => {
  it('announces a new version of a stock record with its counts, reason and correlation id', () => {
    const event = inventoryUpdatedOf(change('MODIFY', stockImage(3), stockImage(2)));

    expect(event).toEqual({
      eventId: stockChangeEventId(productId, 3, '2026-03-01T10:00:03.000Z'),
      eventType: 'InventoryUpdated',
      source: 'shoplane.inventory',
      occurredAt: '2026-03-01T10:00:03.000Z',
      correlationId: 'ord_42',
      data: { productId, availableStock: 8, reservedStock: 2, version: 3, reason: 'reserved' },
    });
  });

  it('announces a created record (INSERT)', () => {
    expect(inventoryUpdatedOf(change('INSERT', stockImage(1, { changeReason: 'created' })))?.data.reason).toBe('created');
  });

  it.each([
    ['a change that did not bump the version', change('MODIFY', stockImage(3), stockImage(3))],
    ['a removed record', change('REMOVE', undefined, stockImage(3))],
    ['a reservation', change('INSERT', { PK: 'RESERVATION#ord_1', SK: 'RESERVATION', status: 'reserved' })],
    ['an idempotency record', change('INSERT', { PK: 'IDEMPOTENCY#k', SK: 'IDEMPOTENCY', state: 'IN_PROGRESS' })],
  ])('announces nothing for %s', (_case, record) => {
    expect(inventoryUpdatedOf(record)).toBeUndefined();
  });

  it('gives one change the same event id every time it is read, so a redelivery dedupes', () => {
    const once = inventoryUpdatedOf(change('MODIFY', stockImage(3), stockImage(2)));
    const again = inventoryUpdatedOf(change('MODIFY', stockImage(3), stockImage(2)));

    expect(again?.eventId).toBe(once?.eventId);
  });

  it('makes event ids distinct per version and ordered by the time of the change', () => {
    const earlier = stockChangeEventId(productId, 1, '2026-03-01T10:00:00.000Z');
    const later = stockChangeEventId(productId, 2, '2026-03-01T10:00:00.001Z');

    expect(earlier).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(later).not.toBe(earlier);
    expect(later > earlier).toBe(true);
  });
});

describe('the StockCommitted message for analytics', () => {
  const committed = () => change('MODIFY', stockImage(4, { changeReason: 'committed', reservedStock: 0 }), stockImage(3, { reservedStock: 2 }));

  it('tells analytics the units a committed reservation took from a product, and which reservation took them', () => {
    const message = stockCommittedMessageOf(committed());

    expect(message).toEqual({
      eventId: stockChangeEventId(productId, 4, '2026-03-01T10:00:04.000Z', 'STOCK_COMMITTED'),
      eventType: 'STOCK_COMMITTED',
      metadata: { productId, quantity: 2, reservationId: 'ord_42', availableStock: 8, reservedStock: 0, version: 4 },
      timestamp: '2026-03-01T10:00:04.000Z',
    });
  });

  it('gives the message an id of its own, not the InventoryUpdated event\'s, and the same one every time', () => {
    expect(stockCommittedMessageOf(committed())?.eventId).toBe(stockCommittedMessageOf(committed())?.eventId);
    expect(stockCommittedMessageOf(committed())?.eventId).not.toBe(inventoryUpdatedOf(committed())?.eventId);
  });

  it.each([
    ['a reservation', change('MODIFY', stockImage(3, { changeReason: 'reserved' }), stockImage(2))],
    ['a release', change('MODIFY', stockImage(3, { changeReason: 'released' }), stockImage(2))],
    ['a restock', change('MODIFY', stockImage(3, { changeReason: 'restocked' }), stockImage(2))],
    ['a new record', change('INSERT', stockImage(1, { changeReason: 'created' }))],
    ['a reservation record', change('MODIFY', { PK: 'RESERVATION#ord_1', SK: 'RESERVATION', status: 'committed' }, { PK: 'RESERVATION#ord_1', SK: 'RESERVATION', status: 'reserved' })],
  ])('sends nothing for %s', (_case, record) => {
    expect(stockCommittedMessageOf(record)).toBeUndefined();
  });
});

function recordingBus(refuse: (event: DomainEvent) => boolean = () => false) {
  const published: DomainEvent[] = [];
  const bus: EventBus = {
    async put(envelopes) {
      published.push(...envelopes.filter((envelope) => !refuse(envelope)));
      return { failedEventIds: envelopes.filter(refuse).map((envelope) => envelope.eventId) };
    },
  };
  return { bus, published };
}

describe('stock change publisher', () => {
  it('publishes the events of stock changes only and reports no failure', async () => {
    const { bus, published } = recordingBus();
    const publish = streamEventPublisher(() => bus, logger, inventoryUpdatedOf);

    const response = await publish({
      Records: [change('INSERT', stockImage(1), undefined, '1'), change('INSERT', { PK: 'RESERVATION#r', SK: 'RESERVATION' }, undefined, '2')],
    });

    expect(published.map((event) => event.eventType)).toEqual(['InventoryUpdated']);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('reports the records whose events the bus refused, so the stream retries them', async () => {
    const { bus } = recordingBus((event) => event.eventType === 'InventoryUpdated' && event.data.version === 2);
    const publish = streamEventPublisher(() => bus, logger, inventoryUpdatedOf);

    const response = await publish({ Records: [change('MODIFY', stockImage(2), stockImage(1), '11'), change('MODIFY', stockImage(3), stockImage(2), '12')] });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '11' }]);
  });

  it('reports every record when the bus cannot be reached', async () => {
    const publish = streamEventPublisher(() => ({ put: () => Promise.reject(new Error('bus down')) }), logger, inventoryUpdatedOf);

    const response = await publish({ Records: [change('MODIFY', stockImage(2), stockImage(1), '21')] });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '21' }]);
  });

  it('reports a stock record it cannot read instead of skipping it', async () => {
    const { bus, published } = recordingBus();
    const publish = streamEventPublisher(() => bus, logger, inventoryUpdatedOf);

    const response = await publish({
      Records: [change('MODIFY', stockImage(2, { changeReason: 'stolen' }), stockImage(1), '31'), change('MODIFY', stockImage(3), stockImage(2), '32')],
    });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '31' }]);
    expect(published).toHaveLength(1);
  });
});
