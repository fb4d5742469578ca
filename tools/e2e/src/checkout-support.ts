import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { newId, toEnvelope, type OrderStatus } from '@shoplane/contracts';
import { createTokenSigner, platformSigningKey, tokenSettingsFromEnv } from '@shoplane/lambda-kit';
import { localCredentials, localRegion, startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { tableName } from '@shoplane/manifest';
import { expect, vi } from 'vitest';
import { recordingClient, type RecordingClient } from './journey-client.js';

/**
 * What the checkout journeys share: the whole local shop (every app, checkout's state
 * machine run from its synthesized definition, the payment sandbox), customers, and
 * the operator's view of the stores that the sums are checked against.
 */

export interface CheckoutShopOptions {
  /** How long after it was asked the sandbox approves a UPI payment (its default is 2 s; the tests need not wait that long). */
  approvalDelayMs?: number;
  /** CDK context for checkout's stack, e.g. `{ paymentTimeoutSeconds: 1 }`. */
  stackContext?: Record<string, unknown>;
}

export async function startCheckoutShop(options: CheckoutShopOptions = {}): Promise<LocalShop> {
  // Not a function-scoped variable: every function of the shop, the sandbox's among them, reads the process's.
  process.env['PAYMENTS_SANDBOX_APPROVAL_DELAY_MS'] = String(options.approvalDelayMs ?? 300);
  // The sweeper runs when a journey asks (`shop.runSchedules()`), never in the middle of one that holds an order back on purpose.
  return startLocalShop({ port: 0, quiet: true, scheduleIntervalMs: false, ...(options.stackContext ? { stackContext: options.stackContext } : {}) });
}

export const checkoutQueue = 'shoplane-local-checkout-start-checkout';
export const terminal: readonly OrderStatus[] = ['CONFIRMED', 'FAILED', 'CANCELLED'];
export const card = (token = 'tok_visa') => ({ method: 'CARD' as const, token });

export interface Shopper {
  userId: string;
  client: RecordingClient;
}

/**
 * A customer with a token signed by the shop's own key (as users' login signs it, without
 * bcrypt's cost), announced with the UserRegistered event users would publish, so
 * notifications knows where to write.
 */
export async function newShopper(shop: LocalShop): Promise<Shopper> {
  const userId = newId('usr');
  const signer = createTokenSigner(platformSigningKey(), tokenSettingsFromEnv());
  const { token } = await signer.sign({ userId, role: 'customer' });
  const registered = toEnvelope('users', {
    eventType: 'UserRegistered',
    correlationId: `e2e-${userId}`,
    data: { userId, email: `${userId.toLowerCase()}@example.com`, name: 'Checkout Shopper', role: 'customer' },
  });
  shop.bus.put([{ Source: registered.source, DetailType: registered.eventType, Detail: JSON.stringify(registered) }]);
  const client = recordingClient(shop.url);
  client.useToken(token);
  return { userId, client };
}

/** The seeded administrator, logged in through the API. */
export async function adminOf(shop: LocalShop): Promise<RecordingClient> {
  const admin = recordingClient(shop.url);
  const { data } = await admin.api.POST('/users/login', { body: { email: 'admin@shoplane.local', password: 'shoplane-admin' } });
  admin.useToken(data?.token);
  return admin;
}

/** A product of its own for a test, with `stock` units once inventory has its record. */
export async function newProduct(admin: RecordingClient, stock: number, amount = 1500): Promise<string> {
  const product = { name: `Checkout Mug ${Date.now()}`, description: 'Holds tea.', category: 'kitchen', price: { amount, currency: 'USD' as const }, stock };
  const { data } = await admin.api.POST('/products', { body: product });
  const productId = data?.productId ?? '';
  await vi.waitFor(async () => expect((await admin.api.GET('/inventory/{productId}', { params: { path: { productId } } })).response.status).toBe(200), { timeout: 15_000, interval: 50 });
  return productId;
}

export async function stockOf(admin: RecordingClient, productId: string): Promise<{ availableStock: number; reservedStock: number }> {
  const { data } = await admin.api.GET('/inventory/{productId}', { params: { path: { productId } } });
  return { availableStock: data?.availableStock ?? Number.NaN, reservedStock: data?.reservedStock ?? Number.NaN };
}

interface OrderRequest {
  items?: { productId: string; quantity: number }[];
  payment: { method: 'CARD' | 'UPI'; token: string };
}

/** POST /orders with a fresh Idempotency-Key. */
export function placeOrder(shopper: Shopper, body: OrderRequest) {
  return shopper.client.api.POST('/orders', { body, params: { header: { 'Idempotency-Key': newId('order') } } });
}

/** The order once it is terminal (CONFIRMED, FAILED or CANCELLED). */
export async function settledOrder(shopper: Shopper, orderId: string, timeout = 30_000) {
  return vi.waitFor(
    async () => {
      const { data: order } = await shopper.client.api.GET('/orders/{orderId}', { params: { path: { orderId } } });
      if (!order || !terminal.includes(order.status)) throw new Error(`order ${orderId} is ${order?.status ?? 'not found'}`);
      return order;
    },
    { timeout, interval: 50 },
  );
}

const executionArnOf = (orderId: string) => `arn:aws:states:us-east-1:000000000000:execution:shoplane-local-checkout:${orderId}`;

/**
 * Waits until each order's checkout execution has ended and what followed (the backstop,
 * carts, notifications) has been delivered; answers the executions in the orders' order.
 */
export async function checkoutsEnded(shop: LocalShop, orderIds: readonly string[], timeout = 15_000) {
  // Started from OrderCreated, which orders' stream publishes a moment after the order is written.
  await vi.waitFor(() => orderIds.forEach((orderId) => shop.stateMachines.describe(executionArnOf(orderId))), { timeout, interval: 20 });
  const executions = await Promise.all(orderIds.map((orderId) => shop.stateMachines.ended(executionArnOf(orderId))));
  await shop.bus.drain();
  return executions;
}

export async function checkoutEnded(shop: LocalShop, orderId: string) {
  const [execution] = await checkoutsEnded(shop, [orderId]);
  if (!execution) throw new Error(`no execution for ${orderId}`);
  return execution;
}

/**
 * Waits until the order's `eventType` (published from orders' table stream, a moment after
 * the change) has been handled by `consumer` (its function name), e.g. carts taking the
 * ordered lines out on OrderConfirmed.
 */
export async function orderEventHandled(shop: LocalShop, eventType: string, orderId: string, consumer: string): Promise<void> {
  await vi.waitFor(
    () => {
      const logged = shop.bus.events.find((entry) => entry.event['detail-type'] === eventType && (entry.event.detail as { data?: { orderId?: string } }).data?.orderId === orderId);
      expect(logged?.deliveries[consumer]?.status).toBe('delivered');
    },
    { timeout: 15_000, interval: 20 },
  );
}

export interface StoredPayment {
  orderId: string;
  status: string;
  amount: { amount: number; currency: string };
  providerReference?: string;
  attempts: { action: string; result: string }[];
  updatedAt: string;
}

function documents(shop: LocalShop): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: shop.dynamodb.endpoint, region: localRegion, credentials: localCredentials }));
}

/** Every payment in payments' table, read as the operator (payments has no API for them). */
export async function storedPayments(shop: LocalShop): Promise<StoredPayment[]> {
  const client = documents(shop);
  const payments: StoredPayment[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName('local', 'payments'), ExclusiveStartKey: start, ConsistentRead: true }));
    payments.push(...((page.Items ?? []).filter((item) => item['SK'] === 'PAYMENT') as StoredPayment[]));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return payments;
}

export async function storedPayment(shop: LocalShop, orderId: string): Promise<StoredPayment | undefined> {
  const client = documents(shop);
  const { Item } = await client.send(new GetCommand({ TableName: tableName('local', 'payments'), Key: { PK: `PAYMENT#${orderId}`, SK: 'PAYMENT' }, ConsistentRead: true }));
  client.destroy();
  return Item as StoredPayment | undefined;
}

/** Money the providers captured and gave back, over the given payments (minor units). */
export function moneyOf(payments: StoredPayment[]): { captured: number; refunded: number; capturedPayments: number } {
  // A refund gives back money that was captured, whether or not the capture itself was recorded as an attempt (a late approval is refunded on arrival).
  const capturedOnes = payments.filter((payment) => payment.status === 'REFUNDED' || payment.attempts.some((attempt) => attempt.result === 'CAPTURED'));
  const refunded = payments.filter((payment) => payment.status === 'REFUNDED');
  const sum = (of: StoredPayment[]) => of.reduce((total, payment) => total + payment.amount.amount, 0);
  return { captured: sum(capturedOnes), refunded: sum(refunded), capturedPayments: capturedOnes.length };
}

/** The value of one of the services' local secrets, as the operator reads it from the local Secrets Manager. */
export async function localSecret(name: string): Promise<string> {
  const value = await getSecret(name, { forceFetch: true });
  if (typeof value !== 'string') throw new Error(`secret ${name} holds no string`);
  return value;
}

/** Every answer the clients saw that openapi.json does not document. */
export function contractViolationsOf(...clients: RecordingClient[]) {
  return clients.flatMap((client) => client.observed.filter((answer) => answer.violations.length > 0));
}
