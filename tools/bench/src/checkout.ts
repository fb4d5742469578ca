import { settled } from './endpoints.js';
import { stockedProduct, type Fixture } from './fixture.js';
import { load, type LoadResult, type PlannedRequest, type RequestOutcome } from './load.js';
import { countsBetween, perUnit, type ShopCounts } from './shop-counts.js';
import type { ShopProcess } from './shop-process.js';
import { confirmedPerSecond, median, summarize, type Summary } from './stats.js';

interface ExecutionView {
  name: string;
  status: string;
  startDate: string;
  stopDate?: string;
  states: { name: string; retries: number; enteredAt: string; exitedAt?: string }[];
}

export interface CheckoutRun {
  concurrency: number;
  orders: number;
  /** Final order statuses (and POST /orders answers that were not 201), by name. */
  outcomes: Record<string, number>;
  post: LoadResult;
  /** From sending POST /orders to the checkout execution's end. */
  endToEnd: Summary;
  confirmedPerSecond: number;
  /** Step Functions state transitions (states entered, retries included) per execution, median. */
  transitions: number;
  executionSeconds: number;
  /** Medians: from POST /orders sent to the execution's start (the order written, then stream → OrderCreated → rule → queue → start-checkout), and the slowest states. */
  toExecutionStartMs: number;
  slowestStates: { name: string; ms: number }[];
  /** Everything the shop did per confirmed order, async work included (only for the counted runs). */
  perCheckout?: ShopCounts;
  /** The share of one core the shop's process, and DynamoDB Local's JVM, used from the first order sent to the last checkout ended (counted runs). */
  shopBusy?: number;
  storeBusy?: number;
}

const orderRequest = (token: string, productId: string, key: string): PlannedRequest => ({
  method: 'POST',
  path: '/orders',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
  body: JSON.stringify({ items: [{ productId, quantity: 1 }], payment: { method: 'CARD', token: 'tok_visa' } }),
});

const orderIdOf = (outcome: RequestOutcome) => (outcome.status === 201 ? ((JSON.parse(outcome.body) as { orderId?: string }).orderId ?? '') : '');

async function executionsOf(shop: ShopProcess, orderIds: string[], timeoutMs = 180_000): Promise<Map<string, ExecutionView>> {
  const wanted = new Set(orderIds);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { items } = (await (await fetch(`${shop.url}/__local/executions`)).json()) as { items: ExecutionView[] };
    const ours = new Map(items.filter((item) => wanted.has(item.name)).map((item) => [item.name, item]));
    if (ours.size === wanted.size && [...ours.values()].every((item) => item.stopDate)) return ours;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  throw new Error(`checkout executions did not all end within ${timeoutMs / 1000} s`);
}

async function orderStatus(shop: ShopProcess, token: string, orderId: string): Promise<string> {
  const response = await fetch(`${shop.url}/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { status?: string }).status ?? `GET ${response.status}`;
}

/** Each state's median time from entered to exited over the executions, slowest first. */
function slowestStates(views: ExecutionView[], top = 4): { name: string; ms: number }[] {
  const byState = new Map<string, number[]>();
  for (const state of views.flatMap((view) => view.states)) {
    if (!state.exitedAt) continue;
    byState.set(state.name, [...(byState.get(state.name) ?? []), Date.parse(state.exitedAt) - Date.parse(state.enteredAt)]);
  }
  return [...byState].map(([name, times]) => ({ name, ms: median(times) })).sort((a, b) => b.ms - a.ms).slice(0, top);
}

/** `orders` shoppers (each with its own token) order one unit each, `concurrency` at a time, until every checkout has ended. */
export async function checkoutRun(shop: ShopProcess, tokens: string[], products: string[], concurrency: number, count = false): Promise<CheckoutRun> {
  const stamp = Date.now();
  const requests = tokens.map((token, index) => orderRequest(token, products[index % products.length] ?? '', `bench-${stamp}-${index}`));
  const before = count ? await settled(shop) : undefined;
  const storeBefore = shop.storeCpuMs();
  const post = await load({ url: shop.url, connections: concurrency, amount: requests.length, requests, keepBodies: true });
  const placed = post.outcomes.map((outcome) => ({ ...outcome, orderId: orderIdOf(outcome) }));
  const orderIds = placed.map((outcome) => outcome.orderId).filter((orderId) => orderId !== '');
  const executions = await executionsOf(shop, orderIds);
  // Snapshot before the bench's own status reads below, so they are not counted as the checkouts' work.
  const storeAfter = shop.storeCpuMs();
  const after = before ? await settled(shop) : undefined;
  const outcomes: Record<string, number> = {};
  for (const outcome of placed) {
    const status = outcome.orderId ? await orderStatus(shop, tokens[outcome.index] ?? '', outcome.orderId) : `POST ${outcome.status}`;
    outcomes[status] = (outcomes[status] ?? 0) + 1;
  }
  const ends = placed.filter((outcome) => outcome.orderId).map((outcome) => ({ outcome, stop: Date.parse(executions.get(outcome.orderId)?.stopDate ?? '') }));
  const endToEnd = summarize(
    ends.map(({ outcome, stop }) => stop - outcome.sentAt),
    1,
  );
  const firstSent = Math.min(...placed.map((outcome) => outcome.sentAt));
  const lastEnd = Math.max(...ends.map((end) => end.stop));
  const views = [...executions.values()];
  const toStart = placed.filter((outcome) => outcome.orderId).map((outcome) => Date.parse(executions.get(outcome.orderId)?.startDate ?? '') - outcome.sentAt);
  const confirmed = outcomes['CONFIRMED'] ?? 0;
  const perCheckout = before && after && confirmed > 0 ? perUnit(countsBetween(before, after), confirmed) : undefined;
  return {
    concurrency,
    orders: requests.length,
    outcomes,
    post,
    endToEnd,
    confirmedPerSecond: confirmedPerSecond(confirmed, firstSent, lastEnd),
    transitions: median(views.map((view) => view.states.length + view.states.reduce((sum, state) => sum + state.retries, 0))),
    executionSeconds: median(views.map((view) => (Date.parse(view.stopDate ?? '') - Date.parse(view.startDate)) / 1000)),
    toExecutionStartMs: median(toStart),
    slowestStates: slowestStates(views),
    ...(perCheckout ? { perCheckout } : {}),
    ...(before && after ? { shopBusy: (after.cpuMs - before.cpuMs) / (lastEnd - firstSent) } : {}),
    ...(count && storeBefore !== undefined && storeAfter !== undefined ? { storeBusy: (storeAfter - storeBefore) / (lastEnd - firstSent) } : {}),
  };
}

export interface Contention {
  stock: number;
  buyers: number;
  outcomes: Record<string, number>;
  stockLeft: { availableStock: number; reservedStock: number };
}

/** `buyers` shoppers at once, each ordering one unit of a product with `stock` units. */
export async function contentionRun(shop: ShopProcess, fixture: Fixture, stock: number, buyers: number): Promise<Contention> {
  const productId = await stockedProduct(shop.url, fixture.adminToken, stock, 'contention');
  const run = await checkoutRun(shop, fixture.shoppers.slice(0, buyers), [productId], buyers);
  const left = await fetch(`${shop.url}/inventory/${productId}`, { headers: { authorization: `Bearer ${fixture.adminToken}` } });
  const { availableStock = Number.NaN, reservedStock = Number.NaN } = (await left.json()) as { availableStock?: number; reservedStock?: number };
  return { stock, buyers, outcomes: run.outcomes, stockLeft: { availableStock, reservedStock } };
}
