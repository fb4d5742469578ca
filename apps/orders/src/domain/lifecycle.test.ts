import { DomainError, type OrderStatus } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, freshCustomer, ordersTestbed, type OrdersTestbed } from '../test-support.js';
import { beginPayment, cancelOrder, confirmOrder, failOrder, orderToPay } from './lifecycle.js';
import { mayMove } from './order-status.js';
import { placeOrder } from './orders.js';
import type { Step } from './steps.js';

let bed: OrdersTestbed;
const product = testProduct();

beforeAll(async () => {
  bed = await ordersTestbed();
  bed.products.add(product);
});

const allSteps: Step[] = ['validate', 'beginPayment', 'confirm', 'fail', 'cancel'];
const eventOfStatus: Partial<Record<OrderStatus, string>> = { CONFIRMED: 'OrderConfirmed', FAILED: 'OrderFailed', CANCELLED: 'OrderCancelled' };

async function attempt(step: Step, orderId: string, caller: ReturnType<typeof freshCustomer>): Promise<void> {
  const deps = bed.deps();
  try {
    if (step === 'validate') await orderToPay(deps, orderId);
    if (step === 'beginPayment') await beginPayment(deps, orderId);
    if (step === 'confirm') await confirmOrder(deps, orderId, 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V');
    if (step === 'fail') await failOrder(deps, orderId, { reason: 'payment-declined' });
    if (step === 'cancel') await cancelOrder(deps, caller, orderId, 'corr-cancel');
  } catch (error) {
    // A refusal is a valid answer; anything else is a bug.
    if (!(error instanceof DomainError)) throw error;
  }
}

describe('an order driven by random checkout steps against the real store', () => {
  it('only ever moves along the transitions table, once per status, with one event per move, whatever runs at the same time', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Rounds of steps run all at once: duplicates and races between different steps alike.
        fc.array(fc.array(fc.constantFrom(...allSteps), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (rounds) => {
          const caller = freshCustomer();
          const { orderId } = await placeOrder(bed.deps(), {
            caller,
            request: { items: [{ productId: product.productId, quantity: 1 }], payment: card },
            correlationId: 'corr-property',
          });

          for (const round of rounds) await Promise.all(round.map((step) => attempt(step, orderId, caller)));

          const order = await bed.orders.find(orderId);
          const reached = order?.statusHistory.map((change) => change.status) ?? [];
          expect(reached[0]).toBe('CREATED');
          reached.slice(1).forEach((status, index) => expect(mayMove(reached[index] ?? 'CREATED', status), reached.join(' → ')).toBe(true));
          expect(new Set(reached).size).toBe(reached.length);
          expect(order?.status).toBe(reached.at(-1));
          const events = (await bed.eventsOf(orderId)).map((event) => event.eventType).sort();
          const expected = ['OrderCreated', ...reached.flatMap((status) => eventOfStatus[status] ?? [])].sort();
          expect(events).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
