import type { DomainEvent } from '@shoplane/contracts';
import { eventBridgeBody, sqsBatch, subscriptionBatch } from '@shoplane/testing';
import { describe, expect, it } from 'vitest';
import { toEnvelope } from './events.js';
import { createLogger } from './logger.js';
import { eventSubscriber } from './subscriptions.js';

const logger = createLogger('subscriptions-test');

const created = (name: string) =>
  toEnvelope('products', {
    eventType: 'ProductCreated',
    correlationId: 'c-1',
    data: { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name, category: 'kitchen', price: { amount: 100, currency: 'USD' }, stock: 5 },
  });

describe('event subscriber', () => {
  it('hands each valid event to the handler for its type', async () => {
    const seen: string[] = [];
    const consume = eventSubscriber({ ProductCreated: async (event) => void seen.push(event.data.name) }, logger);

    const response = await consume(subscriptionBatch(created('Kettle'), created('Teapot')));

    expect(seen).toEqual(['Kettle', 'Teapot']);
    expect(response.batchItemFailures).toEqual([]);
  });

  it('reports only the messages whose handling failed, for retry', async () => {
    const consume = eventSubscriber(
      {
        ProductCreated: async (event) => {
          if (event.data.name === 'Broken') throw new Error('store unavailable');
        },
      },
      logger,
    );

    const response = await consume(subscriptionBatch(created('Fine'), created('Broken')));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
  });

  it('drops (does not retry forever) a message that does not match the event contract', async () => {
    const seen: string[] = [];
    const consume = eventSubscriber({ ProductCreated: async (event) => void seen.push(event.eventId) }, logger);
    const broken = { ...created('x'), data: { productId: 'nope' } };

    const response = await consume(sqsBatch(eventBridgeBody(broken as DomainEvent), 'not json'));

    expect(seen).toEqual([]);
    expect(response.batchItemFailures).toEqual([]);
  });
});
