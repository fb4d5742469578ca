import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '@shoplane/local-cloud';
import { tableName } from '@shoplane/manifest';
import { call } from './shop-api.js';

/**
 * The invariants every reliability run must leave, checked from what the services own
 * (their tables in DynamoDB Local, read as an operator) and what the shop sent (the
 * local outbox):
 * - every order is CONFIRMED, FAILED or CANCELLED;
 * - no stock count is negative, nothing stays reserved, and each product's available
 *   stock is its initial stock minus the units of its confirmed orders;
 * - per order, money captured minus money refunded is its total if CONFIRMED, else 0
 *   (so captured − refunded = the confirmed totals);
 * - analytics logged each order's creation and its ending exactly once;
 * - the customer got exactly one confirmation (CONFIRMED) or failure notice (FAILED), and
 *   none for an order they cancelled: one SENT record in notifications' table, and one
 *   e-mail in the outbox.
 */
export interface InvariantScope {
  dynamoEndpoint: string;
  /** The shop's base URL (for `/__local/outbox`). */
  baseUrl: string;
  /** Initial stock of each product the run ordered from. */
  initialStock: ReadonlyMap<string, number>;
  /** The orders the run saw accepted; any other order of its products counts too (an answer lost to a fault may hide one). */
  orderIds: readonly string[];
  /**
   * `complete`: every e-mail the run caused is still in the outbox. `partial`: some may be
   * gone (it is in memory, so a restart empties it; it keeps the newest 500), so the outbox
   * is held to "at most once" and notifications' table alone to "exactly once".
   */
  outbox: 'complete' | 'partial';
}

export interface InvariantReport {
  ordersChecked: number;
  violations: string[];
  statuses: Record<string, number>;
}

type Item = Record<string, unknown>;
const terminal = new Set(['CONFIRMED', 'FAILED', 'CANCELLED']);

async function scanAll(client: DynamoDBDocumentClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const kindOf = (prefix: string) => (item: Item) => typeof item['PK'] === 'string' && item['PK'].startsWith(prefix);
const amountOf = (money: unknown) => (typeof money === 'object' && money !== null && typeof (money as { amount?: unknown }).amount === 'number' ? (money as { amount: number }).amount : 0);

interface Order {
  orderId: string;
  status: string;
  total: number;
  lines: { productId: string; quantity: number }[];
}

export async function checkInvariants(scope: InvariantScope): Promise<InvariantReport> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: scope.dynamoEndpoint, region: localRegion, credentials: localCredentials }));
  try {
    const [orderItems, stockItems, paymentItems, analyticsItems, notificationItems, outbox] = await Promise.all([
      scanAll(client, tableName('local', 'orders')),
      scanAll(client, tableName('local', 'inventory')),
      scanAll(client, tableName('local', 'payments')),
      scanAll(client, tableName('local', 'analytics')),
      scanAll(client, tableName('local', 'notifications')),
      call<{ emails: { subject: string }[] }>(scope.baseUrl, 'GET', '/__local/outbox'),
    ]);
    const ofProducts = (item: Item) => ((item['lines'] ?? []) as Order['lines']).some((line) => scope.initialStock.has(line.productId));
    const accepted = new Set(scope.orderIds);
    const orders: Order[] = orderItems
      .filter(kindOf('ORDER#'))
      .filter((item) => accepted.has(String(item['orderId'])) || ofProducts(item))
      .map((item) => ({ orderId: String(item['orderId']), status: String(item['status']), total: amountOf(item['total']), lines: (item['lines'] ?? []) as Order['lines'] }));
    const violations: string[] = [];
    const statuses: Record<string, number> = {};
    for (const order of orders) statuses[order.status] = (statuses[order.status] ?? 0) + 1;
    const found = new Set(orders.map((order) => order.orderId));
    const wanted = new Set(found);
    for (const orderId of accepted) if (!found.has(orderId)) violations.push(`order ${orderId} was accepted but is not stored`);
    for (const order of orders) if (!terminal.has(order.status)) violations.push(`order ${order.orderId} is ${order.status}, not terminal`);

    // Stock: initial − confirmed units, nothing reserved, never negative.
    const sold = new Map<string, number>();
    for (const order of orders.filter((candidate) => candidate.status === 'CONFIRMED')) {
      for (const line of order.lines) sold.set(line.productId, (sold.get(line.productId) ?? 0) + line.quantity);
    }
    const stock = new Map(stockItems.filter(kindOf('STOCK#')).map((item) => [String(item['productId']), item]));
    for (const [productId, initial] of scope.initialStock) {
      const record = stock.get(productId);
      const available = Number(record?.['availableStock']);
      const reserved = Number(record?.['reservedStock']);
      if (!record) violations.push(`product ${productId} has no stock record`);
      else if (available < 0 || reserved < 0) violations.push(`product ${productId} has negative stock: ${available} available, ${reserved} reserved`);
      else if (available !== initial - (sold.get(productId) ?? 0) || reserved !== 0) {
        violations.push(`product ${productId}: ${available} available and ${reserved} reserved, expected ${initial - (sold.get(productId) ?? 0)} and 0 (initial ${initial}, ${sold.get(productId) ?? 0} confirmed)`);
      }
    }

    // Money, per order: what was captured and not given back is exactly what a confirmed order costs.
    const payments = new Map(paymentItems.filter((item) => item['SK'] === 'PAYMENT').map((item) => [String(item['orderId']), item]));
    for (const order of orders) {
      const payment = payments.get(order.orderId);
      const attempts = (payment?.['attempts'] ?? []) as { result?: string }[];
      const refunded = payment?.['status'] === 'REFUNDED';
      const captured = refunded || attempts.some((attempt) => attempt.result === 'CAPTURED');
      const net = (captured ? amountOf(payment?.['amount']) : 0) - (refunded ? amountOf(payment?.['amount']) : 0);
      const expected = order.status === 'CONFIRMED' ? order.total : 0;
      if (net !== expected) violations.push(`order ${order.orderId} (${order.status}) kept ${net} captured − refunded, expected ${expected}`);
    }

    // Analytics: one ORDER_PLACED and one ending per order.
    const logged = new Map<string, string[]>();
    for (const entry of analyticsItems.filter(kindOf('EVENT#'))) {
      const orderId = (entry['metadata'] as { orderId?: unknown } | undefined)?.orderId;
      if (typeof orderId === 'string' && wanted.has(orderId)) logged.set(orderId, [...(logged.get(orderId) ?? []), String(entry['eventType'])]);
    }
    const ending: Record<string, string> = { CONFIRMED: 'ORDER_CONFIRMED', FAILED: 'ORDER_FAILED', CANCELLED: 'ORDER_CANCELLED' };
    const emails = outbox.body?.emails ?? [];
    for (const order of orders.filter((candidate) => terminal.has(candidate.status))) {
      const types = logged.get(order.orderId) ?? [];
      const expectedEnding = ending[order.status] ?? '';
      for (const type of ['ORDER_PLACED', expectedEnding]) {
        const times = types.filter((candidate) => candidate === type).length;
        if (times !== 1) violations.push(`order ${order.orderId}: ${type} logged ${times} times`);
      }
      for (const other of Object.values(ending).filter((type) => type !== expectedEnding)) {
        if (types.includes(other)) violations.push(`order ${order.orderId} is ${order.status} but analytics logged ${other}`);
      }
      const expectedMessages = order.status === 'CANCELLED' ? 0 : 1;
      const records = notificationItems.filter((item) => item['orderId'] === order.orderId);
      const recorded = records.filter((item) => item['status'] === 'SENT').length;
      if (recorded !== expectedMessages) {
        const seen = records.map((item) => `${String(item['template'])} ${String(item['status'])} after ${String(item['attempts'])} attempts ${String(item['failureReason'] ?? '')}`).join('; ');
        violations.push(`order ${order.orderId} (${order.status}): ${recorded} messages recorded as sent, expected ${expectedMessages} (records: ${seen || 'none'})`);
      }
      const told = emails.filter((email) => email.subject.includes(order.orderId)).length;
      if (told > expectedMessages || (told < expectedMessages && scope.outbox === 'complete')) {
        violations.push(`order ${order.orderId} (${order.status}): ${told} e-mails in the outbox, expected ${expectedMessages}`);
      }
    }
    return { ordersChecked: orders.length, violations, statuses };
  } finally {
    client.destroy();
  }
}

/**
 * Checks until the invariants hold or `timeoutMs` has passed (the shop settles
 * asynchronously: stream publishers, queues, the backstop), answering the last report.
 */
export async function settledInvariants(scope: InvariantScope, timeoutMs: number): Promise<InvariantReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await checkInvariants(scope);
    if (report.violations.length === 0 || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
