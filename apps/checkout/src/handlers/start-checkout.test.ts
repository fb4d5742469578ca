import type { CheckoutInput, OrderCreated } from '@shoplane/contracts';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { CheckoutExecutions } from '../domain/checkout-start.js';
import { startCheckoutHandler } from './start-checkout.js';

const orderCreated = (orderId: string, eventId = 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7V'): OrderCreated => ({
  eventId,
  eventType: 'OrderCreated',
  source: 'shoplane.orders',
  occurredAt: '2026-11-25T14:38:00.000Z',
  correlationId: `corr-${orderId}`,
  data: {
    orderId,
    userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
    lines: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 1, lineTotal: { amount: 1299, currency: 'USD' } }],
    total: { amount: 1299, currency: 'USD' },
    paymentMethod: 'CARD',
  },
});

function batch(...events: OrderCreated[]): SQSEvent {
  return {
    Records: events.map((event, index) => ({
      messageId: `message-${index}`,
      receiptHandle: 'receipt',
      body: JSON.stringify({ version: '0', id: `eb-${index}`, 'detail-type': event.eventType, source: event.source, detail: event }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'events', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:checkout-inbox',
      awsRegion: 'us-east-1',
    })),
  };
}

/** Executions as Step Functions keeps them: one per name. */
function executionsByName(failFor: string[] = []): CheckoutExecutions & { started: Map<string, CheckoutInput> } {
  const started = new Map<string, CheckoutInput>();
  return {
    started,
    async start(input) {
      if (failFor.includes(input.orderId)) throw new Error('Step Functions is unavailable');
      if (started.has(input.orderId)) return 'already-started';
      started.set(input.orderId, input);
      return 'started';
    },
  };
}

const first = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7A';
const second = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7B';

describe('start-checkout on OrderCreated', () => {
  it('starts one execution per order with the order id and the event\'s correlation id', async () => {
    const executions = executionsByName();

    const response = await startCheckoutHandler(() => executions)(batch(orderCreated(first)));

    expect(response.batchItemFailures).toEqual([]);
    expect(executions.started.get(first)).toEqual({ orderId: first, correlationId: `corr-${first}` });
  });

  it('starts nothing more for a duplicate OrderCreated, and acknowledges it', async () => {
    const executions = executionsByName();
    const handle = startCheckoutHandler(() => executions);

    const response = await handle(batch(orderCreated(first), orderCreated(first, 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7W')));

    expect(response.batchItemFailures).toEqual([]);
    expect(executions.started.size).toBe(1);
  });

  it('reports only the message whose start failed, so only it is retried', async () => {
    const executions = executionsByName([second]);

    const response = await startCheckoutHandler(() => executions)(batch(orderCreated(first), orderCreated(second)));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'message-1' }]);
    expect([...executions.started.keys()]).toEqual([first]);
  });
});
