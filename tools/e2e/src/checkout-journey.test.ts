import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminOf,
  card,
  checkoutEnded,
  checkoutQueue,
  contractViolationsOf,
  localSecret,
  moneyOf,
  newProduct,
  orderEventHandled,
  placeOrder,
  settledOrder,
  startCheckoutShop,
  stockOf,
  storedPayment,
  type Shopper,
} from './checkout-support.js';
import { recordingClient, type RecordingClient } from './journey-client.js';
import { razorpayEvent, razorpaySignatureOf, razorpayWebhookSecret, sendRazorpayWebhook } from './checkout-webhooks.js';

/**
 * A shopper checks out in the whole local shop (`npm start`'s runtime, in-process):
 * orders, inventory, payments' sandbox and carts run for real, and checkout's state
 * machine runs the definition its stack synthesizes. Every answer is checked against
 * openapi.json.
 */
let shop: LocalShop;
let admin: RecordingClient;
let shopper: Shopper;
let mug: string;
let lamp: string;
const price = 1500;

beforeAll(async () => {
  shop = await startCheckoutShop();
  admin = await adminOf(shop);
  const account = { email: `checkout-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Checkout Journey' };
  const client = recordingClient(shop.url);
  const registered = await client.api.POST('/users/register', { body: account });
  const login = await client.api.POST('/users/login', { body: { email: account.email, password: account.password } });
  client.useToken(login.data?.token);
  shopper = { userId: registered.data?.userId ?? '', client };
  [mug, lamp] = await Promise.all([newProduct(admin, 10, price), newProduct(admin, 10, 4000)]);
});

afterAll(async () => {
  await shop?.stop();
});

describe('checkout, end to end in the local shop, through the generated client', () => {
  it('confirms a card-paid cart within 5 s; the ordered lines leave the cart, lines added meanwhile stay', async () => {
    // Prepare
    await shopper.client.api.POST('/cart/items', { body: { productId: mug, quantity: 2 } });

    // Act
    const placed = await shopper.client.api.POST('/orders', { body: { payment: card() }, params: { header: { 'Idempotency-Key': `journey-${Date.now()}` } } });
    const orderId = placed.data?.orderId ?? '';
    // Meanwhile (before or after the confirmation: adding is commutative with taking the ordered units out).
    await shopper.client.api.POST('/cart/items', { body: { productId: lamp, quantity: 1 } });
    await shopper.client.api.POST('/cart/items', { body: { productId: mug, quantity: 1 } });
    await expect
      .poll(async () => (await shopper.client.api.GET('/orders/{orderId}', { params: { path: { orderId } } })).data?.status, { timeout: 5_000, interval: 50 })
      .toBe('CONFIRMED');
    await checkoutEnded(shop, orderId);
    await orderEventHandled(shop, 'OrderConfirmed', orderId, 'shoplane-local-carts-on-order-confirmed');

    // Assess
    expect(placed.response.status).toBe(201);
    const order = await settledOrder(shopper, orderId);
    expect(order).toMatchObject({ lines: [{ productId: mug, quantity: 2 }], total: { amount: 2 * price }, payment: { method: 'CARD', status: 'PAID' } });
    expect(order.statusHistory.map((change) => change.status)).toEqual(['CREATED', 'PAYMENT_PENDING', 'CONFIRMED']);
    const cart = await shopper.client.api.GET('/cart');
    expect(cart.data?.items.map((item) => [item.productId, item.quantity]).sort()).toEqual([[lamp, 1], [mug, 1]].sort());
    expect(await stockOf(admin, mug)).toEqual({ availableStock: 8, reservedStock: 0 });
    const payment = await storedPayment(shop, orderId);
    expect(payment).toMatchObject({ status: 'CAPTURED', amount: { amount: 2 * price, currency: 'USD' } });
  });

  it('fails an order whose card is declined, with the reason; stock as before and nothing captured', async () => {
    // Prepare
    const before = await stockOf(admin, mug);

    // Act
    const placed = await placeOrder(shopper, { items: [{ productId: mug, quantity: 1 }], payment: card('tok_chargeDeclined') });
    const orderId = placed.data?.orderId ?? '';
    const order = await settledOrder(shopper, orderId);
    await checkoutEnded(shop, orderId);

    // Assess
    expect(order).toMatchObject({ status: 'FAILED', failureReason: 'payment-declined', payment: { status: 'NOT_CHARGED' } });
    expect(await stockOf(admin, mug)).toEqual(before);
    const payment = await storedPayment(shop, orderId);
    expect(payment?.status).toBe('DECLINED');
    expect(moneyOf(payment ? [payment] : [])).toEqual({ captured: 0, refunded: 0, capturedPayments: 0 });
  });

  let upiOrderId: string;

  it('confirms a UPI payment once the sandbox\'s signed webhook approves it', async () => {
    // Act
    const placed = await placeOrder(shopper, { items: [{ productId: lamp, quantity: 1 }], payment: { method: 'UPI', token: 'success@razorpay' } });
    upiOrderId = placed.data?.orderId ?? '';
    const order = await settledOrder(shopper, upiOrderId);
    const execution = await checkoutEnded(shop, upiOrderId);

    // Assess
    expect(order).toMatchObject({ status: 'CONFIRMED', payment: { method: 'UPI', status: 'PAID' } });
    const payment = await storedPayment(shop, upiOrderId);
    // Charged as PENDING; the approval came as a notice: the webhook, verified with Razorpay's secret.
    expect(payment?.attempts.map((attempt) => `${attempt.action}:${attempt.result}`)).toEqual(['charge:PENDING', 'notice:CAPTURED']);
    expect(payment?.status).toBe('CAPTURED');
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.states.map((visit) => visit.name)).toContain('UpdateInventory');
  });

  it('answers a forged, unsigned or tampered webhook 400 and changes nothing', async () => {
    // Prepare
    const before = await storedPayment(shop, upiOrderId);
    const failed = razorpayEvent('payment.failed', { reference: before?.providerReference ?? '', orderId: upiOrderId, amount: 4000, currency: 'USD' });
    const webhooks = recordingClient(shop.url);

    // Act
    const forged = await sendRazorpayWebhook(webhooks, failed, razorpaySignatureOf(failed, 'not-the-webhook-secret'));
    const unsigned = await sendRazorpayWebhook(webhooks, failed, undefined);
    // Razorpay's real signature, of other bytes: the body was changed after signing.
    const genuine = razorpaySignatureOf({ ...failed, created_at: failed.created_at - 1 }, await localSecret(razorpayWebhookSecret));
    const tampered = await sendRazorpayWebhook(webhooks, failed, genuine);

    // Assess
    expect([forged.response.status, unsigned.response.status, tampered.response.status]).toEqual([400, 400, 400]);
    expect(await storedPayment(shop, upiOrderId)).toEqual(before);
    expect((await settledOrder(shopper, upiOrderId)).status).toBe('CONFIRMED');
    expect(contractViolationsOf(webhooks)).toEqual([]);
  });

  it('cancels an order the checkout has not reached yet: CANCELLED, its stock untouched, nothing charged', async () => {
    // Prepare: the checkout's queue holds OrderCreated, as a disabled event source mapping would.
    const before = await stockOf(admin, mug);
    shop.bus.pause(checkoutQueue);

    // Act
    const placed = await placeOrder(shopper, { items: [{ productId: mug, quantity: 2 }], payment: card() });
    const orderId = placed.data?.orderId ?? '';
    const cancelled = await shopper.client.api.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });
    shop.bus.resume(checkoutQueue);
    const execution = await checkoutEnded(shop, orderId);

    // Assess
    expect(cancelled.data).toMatchObject({ orderId, status: 'CANCELLED' });
    expect(execution.states.map((visit) => visit.name)).not.toContain('ReserveStock');
    expect((await settledOrder(shopper, orderId)).status).toBe('CANCELLED');
    expect(await stockOf(admin, mug)).toEqual(before);
    expect(await storedPayment(shop, orderId)).toBeUndefined();
  });

  it('answered everything as openapi.json documents it, and left nothing in a dead-letter queue', () => {
    expect(shopper.client.observed.length).toBeGreaterThan(20);
    expect(contractViolationsOf(shopper.client, admin)).toEqual([]);
    expect(shop.bus.deadLetters).toEqual([]);
  });
});
