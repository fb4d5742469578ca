import { SendTaskSuccessCommand, SFNClient, StopExecutionCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { CheckoutCompleted } from '@shoplane/contracts';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { send } from './__fixtures__/index.js';
import { CheckoutStandIns, type Scenario } from './__fixtures__/checkout-stand-ins.js';
import { workspaceRoot } from '@shoplane/manifest';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { startLocalShop, type LocalShop } from './shop.js';

/**
 * The real checkout app (apps/checkout, discovered as `npm start` does), its state machine
 * run from the definition its stack synthesizes, with orders, inventory and payments
 * stood in for: they are built elsewhere, only their internal operations matter here.
 */
const paymentTimeoutSeconds = 4;
const standIns = new CheckoutStandIns();
let shop: LocalShop;
let stepFunctions: SFNClient;

beforeAll(async () => {
  shop = await startLocalShop({
    port: 0,
    root: workspaceRoot(),
    services: ['checkout'],
    standIns: standIns.services,
    stackContext: { paymentTimeoutSeconds },
    retryIntervalMs: 0,
    quiet: true,
  });
  stepFunctions = new SFNClient({ endpoint: shop.controlPlane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
});
afterAll(() => shop.stop());

const eventually = { timeout: 15_000, interval: 20 };
const executionArn = (orderId: string) => `arn:aws:states:us-east-1:000000000000:execution:shoplane-local-checkout:${orderId}`;
const main = ['orders.validateOrder', 'inventory.reserveStock', 'orders.beginPayment', 'payments.processPayment'];

/** orders' part: OrderCreated on the platform bus, as its stream publisher puts it. */
function placeOrder(scenario: Scenario, copies = 1): string {
  const orderId = `ord_${ulid()}`;
  standIns.scenarios.set(orderId, scenario);
  const event = () => ({
    eventId: `evt_${ulid()}`,
    eventType: 'OrderCreated',
    source: 'shoplane.orders',
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${orderId}`,
    data: {
      orderId,
      userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
      lines: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 1, lineTotal: { amount: 1299, currency: 'USD' } }],
      total: { amount: 1299, currency: 'USD' },
      paymentMethod: 'CARD',
    },
  });
  shop.bus.put(Array.from({ length: copies }, () => ({ Source: 'shoplane.orders', DetailType: 'OrderCreated', Detail: JSON.stringify(event()) })));
  return orderId;
}

/** Waits until the order's execution has ended and the bus has delivered what followed (the backstop). */
async function checkoutOf(orderId: string) {
  await shop.bus.drain();
  const ended = await shop.stateMachines.ended(executionArn(orderId));
  await shop.bus.drain();
  return ended;
}

describe('checkout, locally, from the synthesized definition', () => {
  it('keeps a paid order confirmed when the confirmation message cannot be sent', async () => {
    // Act
    const orderId = placeOrder({ payment: 'capture', failures: { 'notifications.sendNotification': 100 } });
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(standIns.callsOf(orderId).filter((call) => call === 'notifications.sendNotification').length).toBeGreaterThan(1);
    expect(standIns.callsOf(orderId)).not.toContain('orders.failOrder');
    expect(standIns.callsOf(orderId)).not.toContain('payments.refundPayment');
  });

  it('asks notifications for the confirmation of the order, keyed so the OrderConfirmed message is the same one', async () => {
    const orderId = placeOrder({ payment: 'capture' });
    await checkoutOf(orderId);

    expect(standIns.inputOf(orderId, 'notifications.sendNotification')).toEqual([
      expect.objectContaining({ orderId, userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', type: 'EMAIL', template: 'order-confirmation', message: expect.stringContaining(orderId) }),
    ]);
  });

  it('confirms a paid order: every step once, in order, then CheckoutCompleted on the bus', async () => {
    // Act
    const orderId = placeOrder({ payment: 'capture' });
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(standIns.callsOf(orderId)).toEqual([...main, 'inventory.commitReservation', 'orders.confirmOrder', 'notifications.sendNotification']);
    // Every Task passes the execution's correlation id along with the operation's input.
    expect(standIns.inputOf(orderId, 'inventory.reserveStock')).toEqual([
      { reservationId: orderId, items: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2 }], correlationId: `corr-${orderId}` },
    ]);
    const completed = shop.bus.events.filter((logged) => logged.event['detail-type'] === 'CheckoutCompleted').map((logged) => logged.event.detail);
    const parsed = completed.map((detail) => z.safeParse(CheckoutCompleted, detail)).find((result) => result.success && result.data.data.orderId === orderId);
    expect(parsed?.data).toMatchObject({ eventId: `evt_${orderId.slice(4)}`, correlationId: `corr-${orderId}`, data: { paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V' } });
  });

  it('resumes the payment step when SendTaskSuccess arrives through @aws-sdk/client-sfn (a webhook, later)', async () => {
    // Prepare
    const orderId = placeOrder({ payment: 'webhook' });
    await vi.waitFor(() => expect(standIns.taskTokens.get(orderId)).toBeDefined(), eventually);
    const waiting = (await send(`${shop.url}/__local/executions`)).json as { items: { name: string; waitingForTaskToken?: string[] }[] };
    expect(waiting.items.find((item) => item.name === orderId)?.waitingForTaskToken).toEqual(['ProcessPayment']);

    // Act
    const output = { paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7W', orderId, status: 'CAPTURED' };
    await stepFunctions.send(new SendTaskSuccessCommand({ taskToken: standIns.taskTokens.get(orderId), output: JSON.stringify(output) }));
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(standIns.inputOf(orderId, 'orders.confirmOrder')).toEqual([{ orderId, paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7W', correlationId: `corr-${orderId}` }]);
  });

  it('fails a declined order as payment-declined, releases its stock and asks for a refund that is not needed', async () => {
    // Act
    const orderId = placeOrder({ payment: 'decline' });
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(standIns.callsOf(orderId)).toEqual([...main, 'orders.failOrder', 'inventory.releaseReservation', 'payments.refundPayment', 'notifications.sendNotification']);
    expect(standIns.inputOf(orderId, 'orders.failOrder')).toEqual([expect.objectContaining({ orderId, reason: 'payment-declined' })]);
    expect(execution.states.at(-1)?.name).toBe('OrderFailed');
  });

  it('fails an order inventory cannot fill as out-of-stock, with no payment attempted and nothing to release', async () => {
    // Act
    const orderId = placeOrder({ outOfStock: true });
    await checkoutOf(orderId);

    // Assess
    expect(standIns.callsOf(orderId)).toEqual(['orders.validateOrder', 'inventory.reserveStock', 'orders.failOrder', 'notifications.sendNotification']);
    expect(standIns.inputOf(orderId, 'orders.failOrder')[0]).toMatchObject({ reason: 'out-of-stock' });
  });

  it('fails an order whose payment is never reported once the payment step times out, and undoes the rest', async () => {
    // Act
    const orderId = placeOrder({ payment: 'never' });
    const execution = await checkoutOf(orderId);

    // Assess
    expect(standIns.callsOf(orderId)).toEqual([...main, 'orders.failOrder', 'inventory.releaseReservation', 'payments.refundPayment', 'notifications.sendNotification']);
    expect(standIns.inputOf(orderId, 'orders.failOrder')[0]).toMatchObject({ reason: 'payment-timeout' });
    expect(execution.states.find((visit) => visit.name === 'ProcessPayment')?.caught).toEqual({ error: 'States.Timeout', next: 'PaymentTimedOut' });
    const late = stepFunctions.send(new SendTaskSuccessCommand({ taskToken: standIns.taskTokens.get(orderId), output: '{}' }));
    await expect(late).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('retries a step that fails transiently, and carries on as if nothing happened', async () => {
    // Act
    const orderId = placeOrder({ payment: 'capture', failures: { 'orders.confirmOrder': 2 } });
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect(standIns.callsOf(orderId).filter((operation) => operation === 'orders.confirmOrder')).toHaveLength(3);
    expect(execution.states.find((visit) => visit.name === 'ConfirmOrder')).toMatchObject({ retries: 2, errors: [{ error: 'Error' }, { error: 'Error' }] });
  });

  it('runs one execution for a duplicated OrderCreated, and acknowledges a late duplicate', async () => {
    // Act
    const orderId = placeOrder({ payment: 'capture' }, 2);
    await checkoutOf(orderId);
    const late = { eventId: `evt_${ulid()}`, eventType: 'OrderCreated', source: 'shoplane.orders', occurredAt: new Date().toISOString(), correlationId: `corr-${orderId}`, data: { orderId, userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V' } };
    shop.bus.put([{ Source: 'shoplane.orders', DetailType: 'OrderCreated', Detail: JSON.stringify(late) }]);
    await shop.bus.drain();

    // Assess
    expect(standIns.callsOf(orderId).filter((operation) => operation === 'orders.validateOrder')).toHaveLength(1);
    expect(shop.stateMachines.executions.filter((execution) => execution.name === orderId)).toHaveLength(1);
    expect(shop.bus.deadLetters).toEqual([]);
  });

  it('ends FAILED when compensation cannot finish, and the backstop then fails the order and undoes the rest', async () => {
    // Prepare: failOrder is down for the execution's four attempts, back for the backstop.
    const orderId = placeOrder({ outOfStock: true, failures: { 'orders.failOrder': 4 } });

    // Act
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution).toMatchObject({ status: 'FAILED', error: 'CheckoutCompensationIncomplete' });
    expect(standIns.callsOf(orderId)).toEqual([
      'orders.validateOrder', 'inventory.reserveStock',
      'orders.failOrder', 'orders.failOrder', 'orders.failOrder', 'orders.failOrder',
      'orders.failOrder', 'inventory.releaseReservation', 'payments.refundPayment',
    ]);
    expect(standIns.inputOf(orderId, 'orders.failOrder').at(-1)).toMatchObject({ reason: 'internal-error' });
  });

  it('lets the backstop settle an execution an operator stops while it waits for the payment', async () => {
    // Prepare
    const orderId = placeOrder({ payment: 'webhook' });
    await vi.waitFor(() => expect(standIns.taskTokens.get(orderId)).toBeDefined(), eventually);

    // Act
    await stepFunctions.send(new StopExecutionCommand({ executionArn: executionArn(orderId) }));
    const execution = await checkoutOf(orderId);

    // Assess
    expect(execution.status).toBe('ABORTED');
    expect(standIns.callsOf(orderId)).toEqual([...main, 'orders.failOrder', 'inventory.releaseReservation', 'payments.refundPayment']);
  });

  it('shows each execution at /__local/executions with its status and the states it entered, retried and caught', async () => {
    // Prepare
    const orderId = placeOrder({ payment: 'decline', failures: { 'inventory.reserveStock': 1 } });
    await checkoutOf(orderId);

    // Act
    const reply = await send(`${shop.url}/__local/executions`);

    // Assess
    const items = (reply.json as { items: { name: string; status: string; states: { name: string }[]; retried: string[]; caught: string[] }[] }).items;
    const shown = items.find((item) => item.name === orderId);
    expect(shown?.status).toBe('SUCCEEDED');
    expect(shown?.states.map((visit) => visit.name).slice(0, 3)).toEqual(['ValidateOrder', 'CheckOrderValid', 'ReserveStock']);
    expect(shown?.retried).toEqual(['ReserveStock ×1']);
    expect(shown?.caught).toEqual([]);
    expect(shown?.states.at(-1)?.name).toBe('OrderFailed');
  });
});
