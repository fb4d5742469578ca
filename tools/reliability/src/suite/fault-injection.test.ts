import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { freePort, localCredentials, localRegion, startLocalShop, type LocalFaults, type LocalShop } from '@shoplane/local-cloud';
import { functionName, tableName } from '@shoplane/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoFaultProxy, type DynamoFaultProxy } from '../dynamo-fault-proxy.js';
import { checkInvariants, settledInvariants } from '../invariants.js';
import { sendRazorpayWebhook } from '../razorpay-webhooks.js';
import { adminToken, call, newCustomer, newProduct, placeOrder, waitFor, type Customer } from '../shop-api.js';
import { recordCounts } from '../suite-counts.js';

/**
 * Checkout and every consumer under faults at once: DynamoDB throttling, slow and dropping
 * connections under every function; each saga step and consumer failing or timing out on
 * its first invocations; queues delivering batches twice and out of order; webhooks
 * delivered twice and a stale failure after a capture. Whatever happens, the invariants hold.
 */
const fn = (service: string, handler: string) => functionName('local', service, handler);

/** Saga steps throw twice (the state machine retries function errors three times); consumers and stream publishers once (their queues redeliver). */
const functionFaults: LocalFaults['functions'] = {
  [fn('orders', 'validate-order')]: { kind: 'throw', times: 2 },
  [fn('inventory', 'reserve-stock')]: { kind: 'timeout', times: 2 },
  [fn('orders', 'begin-payment')]: { kind: 'timeout', times: 1 },
  [fn('payments', 'process-payment')]: { kind: 'throw', times: 2 },
  [fn('inventory', 'commit-reservation')]: { kind: 'timeout', times: 2 },
  [fn('orders', 'confirm-order')]: { kind: 'timeout', times: 2 },
  [fn('notifications', 'send-notification')]: { kind: 'timeout', times: 1 },
  [fn('orders', 'fail-order')]: { kind: 'timeout', times: 1 },
  [fn('inventory', 'release-reservation')]: { kind: 'timeout', times: 2 },
  [fn('payments', 'refund-payment')]: { kind: 'timeout', times: 2 },
  [fn('checkout', 'start-checkout')]: { kind: 'timeout', times: 1 },
  [fn('checkout', 'on-execution-ended')]: { kind: 'throw', times: 1 },
  [fn('analytics', 'ingest')]: { kind: 'timeout', times: 1 },
  [fn('notifications', 'on-order-outcome')]: { kind: 'timeout', times: 1 },
  [fn('carts', 'on-order-confirmed')]: { kind: 'throw', times: 1 },
  [fn('orders', 'publish-events')]: { kind: 'timeout', times: 1 },
  [fn('payments', 'publish-events')]: { kind: 'throw', times: 1 },
  [fn('inventory', 'publish-events')]: { kind: 'timeout', times: 1 },
  [fn('payments', 'razorpay-webhook')]: { kind: 'timeout', times: 1 },
};

const products = 3;
const stockEach = 12;
const customers = 6;
const orders = 36;
const payments = [
  { method: 'CARD', token: 'tok_visa' },
  { method: 'CARD', token: 'tok_visa' },
  { method: 'CARD', token: 'tok_sandbox_flaky' },
  { method: 'CARD', token: 'tok_chargeDeclined' },
  { method: 'UPI', token: 'success@razorpay' },
  { method: 'UPI', token: 'failure@razorpay' },
] as const;

let proxy: DynamoFaultProxy;
let shop: LocalShop;

beforeAll(async () => {
  process.env['PAYMENTS_SANDBOX_APPROVAL_DELAY_MS'] = '300';
  const dynamoDbPort = await freePort();
  proxy = await startDynamoFaultProxy({ targetPort: dynamoDbPort });
  shop = await startLocalShop({
    port: 0,
    quiet: true,
    retryIntervalMs: 50,
    dynamoDbPort,
    dynamoEndpointOverride: proxy.url,
    faults: { functions: functionFaults, delivery: { duplicateRate: 0.25, reorderRate: 0.25, maxDelayMs: 300 } },
  });
});

afterAll(async () => {
  await shop?.stop();
  await proxy?.close();
});

async function storedPayment(orderId: string): Promise<Record<string, unknown> | undefined> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: shop.dynamodb.endpoint, region: localRegion, credentials: localCredentials }));
  const { Item } = await client.send(new GetCommand({ TableName: tableName('local', 'payments'), Key: { PK: `PAYMENT#${orderId}`, SK: 'PAYMENT' }, ConsistentRead: true }));
  client.destroy();
  return Item;
}

describe('checkout and its consumers under injected faults', () => {
  it('leave every order terminal, stock and money exact, each event logged once and each message sent once', async () => {
    // Prepare
    const admin = await adminToken(shop.url);
    const productIds = await Promise.all(Array.from({ length: products }, () => newProduct(shop.url, admin, stockEach)));
    const shoppers: Customer[] = await Promise.all(Array.from({ length: customers }, () => newCustomer(shop.url)));
    proxy.setRates({ throttle: 0.04, delay: 0.04, dropBefore: 0.01, dropAfter: 0.01, maxDelayMs: 150 });

    // Act: orders of 1–3 units of one or two products, some cancelled at once.
    const placed = await Promise.all(
      Array.from({ length: orders }, async (_, index) => {
        const shopper = shoppers[index % customers] as Customer;
        const first = productIds[index % products] ?? '';
        const second = productIds[(index + 1) % products] ?? '';
        const items = index % 4 === 0 ? [{ productId: first, quantity: 1 }, { productId: second, quantity: 2 }] : [{ productId: first, quantity: 1 + (index % 3) }];
        const answer = await placeOrder(shop.url, shopper, items, payments[index % payments.length] ?? payments[0]);
        if (answer.orderId && index % 9 === 0) await call(shop.url, 'POST', `/orders/${answer.orderId}/cancel`, { token: shopper.token });
        return answer;
      }),
    );
    const orderIds = placed.flatMap((answer) => (answer.orderId ? [answer.orderId] : []));
    const initialStock = new Map(productIds.map((productId) => [productId, stockEach]));
    const scope = { dynamoEndpoint: shop.dynamodb.endpoint, baseUrl: shop.url, initialStock, orderIds, outbox: 'complete' } as const;
    await waitFor('every order terminal', async () => ((await checkInvariants(scope)).violations.some((violation) => violation.includes('not terminal')) ? undefined : true), 90_000, 500);

    // Webhooks again: each UPI approval delivered a second time, and a stale failure after it.
    const secret = await getSecret('shoplane/local/payments/razorpay-webhook-secret', { forceFetch: true });
    let webhooksReplayed = 0;
    for (const orderId of orderIds) {
      const payment = await storedPayment(orderId);
      const reference = payment?.['providerReference'];
      if (typeof reference !== 'string' || payment?.['method'] !== 'UPI' || typeof secret !== 'string') continue;
      const amount = payment['amount'] as { amount: number; currency: string };
      const webhook = { reference, orderId, amount: amount.amount, currency: amount.currency };
      const answers = await Promise.all([sendRazorpayWebhook(shop.url, secret, 'payment.captured', webhook), sendRazorpayWebhook(shop.url, secret, 'payment.failed', webhook)]);
      webhooksReplayed += answers.length;
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    }
    proxy.setRates({});
    const report = await settledInvariants(scope, 60_000);
    if (report.violations.length > 0) console.log('dead letters:', JSON.stringify((await call(shop.url, 'GET', '/__local/dead-letters')).body, null, 1).slice(0, 20_000));

    // Assess
    const faultsInjected = proxy.injected + shop.faults.total + webhooksReplayed;
    console.log(
      `fault injection: ${report.ordersChecked} orders ${JSON.stringify(report.statuses)}; ${orderIds.length} of ${orders} POST /orders accepted (${placed.filter((answer) => !answer.orderId).map((answer) => answer.status).join(', ') || 'none refused'}); ` +
        `DynamoDB faults ${JSON.stringify(proxy.counts)}; function and delivery faults ${JSON.stringify(shop.faults.counts)}; ${webhooksReplayed} webhooks replayed`,
    );
    recordCounts({ faultsInjected, ordersChecked: report.ordersChecked, invariantViolations: report.violations.length });
    expect(report.violations).toEqual([]);
    expect(report.ordersChecked).toBeGreaterThanOrEqual(orders / 2);
    expect(proxy.injected).toBeGreaterThan(0);
    expect(shop.faults.counts.functionThrows + shop.faults.counts.functionTimeouts).toBeGreaterThan(0);
    expect(shop.faults.counts.duplicateDeliveries).toBeGreaterThan(0);
  });
});
