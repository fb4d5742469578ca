import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion, type LocalShop } from '@shoplane/local-cloud';
import { functionName, tableName } from '@shoplane/manifest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adminOf,
  card,
  checkoutEnded,
  checkoutQueue,
  contractViolationsOf,
  moneyOf,
  newProduct,
  newShopper,
  placeOrder,
  settledOrder,
  startCheckoutShop,
  stockOf,
  storedPayments,
  type Shopper,
} from './checkout-support.js';
import type { RecordingClient } from './journey-client.js';

/**
 * The sweeper end to end: orders' schedule finds orders checkout left unsettled, checkout
 * restarts or compensates them, and stock and money come out exact. Each order is held back
 * from checkout (its OrderCreated paused) and aged by hand, as the operator's clock would.
 */
let shop: LocalShop;
let admin: RecordingClient;
let shopper: Shopper;
let documents: DynamoDBDocumentClient;
const lambda = () => new LambdaClient({ endpoint: shop.controlPlane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });

beforeAll(async () => {
  shop = await startCheckoutShop();
  admin = await adminOf(shop);
  shopper = await newShopper(shop);
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: shop.dynamodb.endpoint, region: localRegion, credentials: localCredentials }));
});

afterAll(async () => {
  documents?.destroy();
  await shop?.stop();
});

/** Places an order of `quantity` whose OrderCreated waits in checkout's paused queue. */
async function heldBackOrder(productId: string, quantity: number): Promise<string> {
  shop.bus.pause(checkoutQueue);
  const { data } = await placeOrder(shopper, { items: [{ productId, quantity }], payment: card() });
  const orderId = data?.orderId ?? '';
  const published = () => shop.bus.events.some((entry) => entry.event['detail-type'] === 'OrderCreated' && JSON.stringify(entry.event.detail).includes(orderId));
  await vi.waitFor(() => expect(published()).toBe(true), { timeout: 15_000, interval: 20 });
  return orderId;
}

/** Moves the order's clock back `minutes`, and makes it due for the sweeper now. */
async function aged(orderId: string, minutes: number): Promise<void> {
  const then = new Date(Date.now() - minutes * 60_000).toISOString();
  await documents.send(
    new UpdateCommand({
      TableName: tableName('local', 'orders'),
      Key: { PK: `ORDER#${orderId}`, SK: 'ORDER' },
      UpdateExpression: 'SET createdAt = :then, updatedAt = :then, GSI2SK = :due',
      ExpressionAttributeValues: { ':then': then, ':due': new Date(Date.now() - 1_000).toISOString() },
    }),
  );
}

async function invoke(service: string, handler: string, payload: unknown): Promise<unknown> {
  const client = lambda();
  const { Payload } = await client.send(new InvokeCommand({ FunctionName: functionName('local', service, handler), Payload: JSON.stringify(payload) }));
  client.destroy();
  return JSON.parse(new TextDecoder().decode(Payload)) as unknown;
}

/** Lets the held-back OrderCreated reach checkout at last, and waits for what it starts. */
async function released(orderId: string): Promise<void> {
  shop.bus.resume(checkoutQueue);
  await shop.bus.drain();
  await checkoutEnded(shop, orderId);
}

const paymentsOf = async (orderId: string) => (await storedPayments(shop)).filter((payment) => payment.orderId === orderId);

describe('the sweeper of orders checkout left unsettled', () => {
  it('checks out an order whose OrderCreated never reached checkout: confirmed, charged once, stock committed', async () => {
    const productId = await newProduct(admin, 5, 1200);
    const orderId = await heldBackOrder(productId, 2);
    await aged(orderId, 3);

    await shop.runSchedules();
    const order = await settledOrder(shopper, orderId);
    await released(orderId);

    expect(order.status).toBe('CONFIRMED');
    expect((await settledOrder(shopper, orderId)).status).toBe('CONFIRMED');
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 3, reservedStock: 0 });
    expect(moneyOf(await paymentsOf(orderId))).toEqual({ captured: 2400, refunded: 0, capturedPayments: 1 });
  });

  it('fails an order still open long after every execution must have ended, holding and charging nothing', async () => {
    const productId = await newProduct(admin, 5);
    const orderId = await heldBackOrder(productId, 1);
    await aged(orderId, 80);

    await shop.runSchedules();
    const order = await settledOrder(shopper, orderId);
    await released(orderId);

    expect(order).toMatchObject({ status: 'FAILED', failureReason: 'internal-error' });
    expect((await settledOrder(shopper, orderId)).status).toBe('FAILED');
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 5, reservedStock: 0 });
    expect(moneyOf(await paymentsOf(orderId))).toEqual({ captured: 0, refunded: 0, capturedPayments: 0 });
  });

  it('releases the stock of a failed order whose compensation died before releasing it', async () => {
    const productId = await newProduct(admin, 5);
    const orderId = await heldBackOrder(productId, 2);
    // What a checkout that died mid-compensation leaves: the stock reserved, the order failed.
    await invoke('inventory', 'reserve-stock', { reservationId: orderId, items: [{ productId, quantity: 2 }] });
    await invoke('orders', 'fail-order', { orderId, reason: 'internal-error' });
    await aged(orderId, 80);
    const before = await stockOf(admin, productId);

    await shop.runSchedules();
    await vi.waitFor(async () => expect((await stockOf(admin, productId)).reservedStock).toBe(0), { timeout: 15_000, interval: 50 });
    await released(orderId);

    expect(before).toEqual({ availableStock: 3, reservedStock: 2 });
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 5, reservedStock: 0 });
    expect((await settledOrder(shopper, orderId)).status).toBe('FAILED');
    expect(moneyOf(await paymentsOf(orderId))).toEqual({ captured: 0, refunded: 0, capturedPayments: 0 });
  });

  it('leaves a settled order alone on the next sweep, and answered every request as openapi.json says', async () => {
    const productId = await newProduct(admin, 5);
    const { data } = await placeOrder(shopper, { items: [{ productId, quantity: 1 }], payment: card() });
    const orderId = data?.orderId ?? '';
    await checkoutEnded(shop, orderId);

    await shop.runSchedules();
    await shop.bus.drain();

    expect((await settledOrder(shopper, orderId)).status).toBe('CONFIRMED');
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 4, reservedStock: 0 });
    expect(shop.bus.events.filter((entry) => entry.event['detail-type'] === 'OrderCheckoutStalled' && JSON.stringify(entry.event.detail).includes(orderId))).toEqual([]);
    expect(contractViolationsOf(shopper.client, admin)).toEqual([]);
  });
});
