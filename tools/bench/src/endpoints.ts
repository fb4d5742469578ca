import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Fixture } from './fixture.js';
import { replayFloor } from './floor.js';
import { load, type LoadResult, type PlannedRequest } from './load.js';
import { countsBetween, perUnit, type ShopCounts, type WireRequest } from './shop-counts.js';
import type { ShopProcess } from './shop-process.js';
import type { Summary } from './stats.js';

export interface Endpoint {
  name: string;
  request: PlannedRequest;
  /** Requests per measured run (each concurrency level). */
  requests: number;
  /** Reads have a storage floor: the same DynamoDB requests, straight to the store. */
  read: boolean;
}

export interface EndpointRun {
  concurrency: number;
  endpoint: LoadResult;
  floor?: Summary;
}

export interface EndpointResult {
  name: string;
  read: boolean;
  /** The DynamoDB requests one call makes, by operation, in order. */
  storage: string[];
  /** Everything one call caused, per call (measured over the concurrency-10 run). */
  perRequest: ShopCounts;
  runs: EndpointRun[];
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function endpointsOf(fixture: Fixture): Endpoint[] {
  const product = fixture.catalogue[0] ?? '';
  return [
    { name: 'GET /health (gateway baseline)', request: { method: 'GET', path: '/health' }, requests: 1000, read: false },
    { name: 'GET /products/{productId}', request: { method: 'GET', path: `/products/${product}` }, requests: 600, read: true },
    { name: 'GET /products?limit=20', request: { method: 'GET', path: '/products?limit=20' }, requests: 400, read: true },
    { name: `GET /cart (${fixture.catalogue.length} lines)`, request: { method: 'GET', path: '/cart', headers: bearer(fixture.cartOwner) }, requests: 300, read: true },
    { name: 'GET /users/me', request: { method: 'GET', path: '/users/me', headers: bearer(fixture.cartOwner) }, requests: 400, read: true },
  ];
}

/** Waits until the shop has sent no AWS request for a while (stream polling aside): what came before has settled. */
export async function settled(shop: ShopProcess, quietMs = 1000): Promise<ShopCounts> {
  const busy = (counts: ShopCounts) => JSON.stringify(perUnit(counts, 1).requests);
  let last = await shop.counts();
  for (let round = 0; round < 60; round++) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await shop.counts();
    if (busy(now) === busy(last)) return now;
    last = now;
  }
  return last;
}

const storageOf = (trace: WireRequest[]) => trace.map((wire) => wire.target?.split('.').at(-1) ?? 'unknown');

/**
 * One endpoint at each concurrency level: autocannon from its own process against the
 * shop, then (for reads) the endpoint's own DynamoDB requests replayed straight to the
 * store with the same count and concurrency.
 */
export async function measureEndpoint(shop: ShopProcess, store: DynamoDBClient, endpoint: Endpoint, levels: number[]): Promise<EndpointResult> {
  const spec = (connections: number, amount: number) => ({ url: shop.url, connections, amount, requests: [endpoint.request] });
  await load(spec(5, 50));
  const call = () => fetch(`${shop.url}${endpoint.request.path}`, { headers: endpoint.request.headers ?? {} }).then((response) => response.text());
  await settled(shop, 300);
  const trace = (await shop.traceOf(call)).filter((wire) => !wire.target?.startsWith('DynamoDBStreams_'));
  const runs: EndpointRun[] = [];
  let perRequest: ShopCounts | undefined;
  for (const concurrency of levels) {
    const amount = Math.max(endpoint.requests, concurrency * 10);
    const before = await settled(shop, 300);
    const result = await load(spec(concurrency, amount));
    if (concurrency === 10 || perRequest === undefined) perRequest = perUnit(countsBetween(before, await shop.counts()), amount);
    const floor = endpoint.read && trace.length > 0 ? await replayFloor(store, trace, amount, concurrency) : undefined;
    runs.push({ concurrency, endpoint: result, ...(floor ? { floor } : {}) });
    console.log(
      `${endpoint.name.padEnd(34)} c=${String(concurrency).padStart(2)}  p50 ${result.p50.toFixed(2).padStart(7)} ms  p99 ${result.p99.toFixed(2).padStart(7)} ms  ${result.perSecond.toFixed(0).padStart(5)}/s` +
        (floor ? `   floor p50 ${floor.p50.toFixed(2)} ms p99 ${floor.p99.toFixed(2)} ms ${floor.perSecond.toFixed(0)}/s` : '') +
        (result.failures > 0 ? `   ${result.failures} failed` : ''),
    );
  }
  return { name: endpoint.name, read: endpoint.read, storage: storageOf(trace), perRequest: perRequest ?? perUnit(countsBetween(await shop.counts(), await shop.counts()), 1), runs };
}
