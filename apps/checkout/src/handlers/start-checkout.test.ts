import type { CheckoutInput, OrderCreated } from '@shoplane/contracts';
import { subscriptionBatch } from '@shoplane/testing';
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

    const response = await startCheckoutHandler(() => executions)(subscriptionBatch(orderCreated(first)));

    expect(response.batchItemFailures).toEqual([]);
    expect(executions.started.get(first)).toEqual({ orderId: first, correlationId: `corr-${first}` });
  });

  it('starts nothing more for a duplicate OrderCreated, and acknowledges it', async () => {
    const executions = executionsByName();
    const handle = startCheckoutHandler(() => executions);

    const response = await handle(subscriptionBatch(orderCreated(first), orderCreated(first, 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7W')));

    expect(response.batchItemFailures).toEqual([]);
    expect(executions.started.size).toBe(1);
  });

  it('reports only the message whose start failed, so only it is retried', async () => {
    const executions = executionsByName([second]);

    const response = await startCheckoutHandler(() => executions)(subscriptionBatch(orderCreated(first), orderCreated(second)));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect([...executions.started.keys()]).toEqual([first]);
  });
});
