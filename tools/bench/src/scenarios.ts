import { request as httpRequest } from 'node:http';
import type { LocalShop } from '@shoplane/local-cloud';
import type { Scenario } from './measure.js';

const json = { 'content-type': 'application/json' };
const password = 'correct horse battery';

/**
 * A registration from one of several loopback addresses (all of 127.0.0.0/8 is this
 * machine): users throttle registrations per client address, and the bench measures
 * registering, not the throttle.
 */
function registerFrom(url: string, body: unknown, addressIndex: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const outgoing = httpRequest(url, { method: 'POST', headers: { ...json, 'content-length': Buffer.byteLength(payload) }, localAddress: `127.0.0.${2 + (addressIndex % 16)}` }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

async function post(url: string, body: unknown, token?: string) {
  return fetch(url, { method: 'POST', headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
}

async function login(base: string, email: string, pass: string): Promise<string> {
  const response = await post(`${base}/users/login`, { email, password: pass });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`login of ${email} failed: ${response.status}`);
  return body.token;
}

/** Registration and login are dominated by bcrypt (cost 10) by design; /users/me by token verification and one read. */
export async function userScenarios(base: string): Promise<Scenario[]> {
  const runId = Date.now();
  const email = `bench-${runId}@example.com`;
  await post(`${base}/users/register`, { email, password, name: 'Bench' });
  const token = await login(base, email, password);
  return [
    { name: 'GET /health (gateway baseline)', requests: 2000, concurrency: 20, run: async () => (await fetch(`${base}/health`)).ok },
    {
      name: 'POST /users/register (bcrypt cost 10)',
      requests: 60,
      concurrency: 4,
      run: async (i) => (await registerFrom(`${base}/users/register`, { email: `bench-${runId}-${i}-${Math.random()}@example.com`, password, name: 'Bench' }, i)) === 201,
    },
    { name: 'POST /users/login (bcrypt cost 10)', requests: 60, concurrency: 4, run: async () => (await post(`${base}/users/login`, { email, password })).status === 200 },
    {
      name: 'GET /users/me',
      requests: 2000,
      concurrency: 20,
      run: async () => (await fetch(`${base}/users/me`, { headers: { authorization: `Bearer ${token}` } })).status === 200,
    },
  ];
}

/** Catalogue and cart calls, when those services are part of the shop. */
export async function catalogueScenarios(shop: LocalShop): Promise<Scenario[]> {
  const names = new Set(shop.services.map((service) => service.name));
  if (!names.has('products')) return [];
  const base = shop.url;
  const scenarios: Scenario[] = [
    { name: 'GET /products?limit=20', requests: 2000, concurrency: 20, run: async () => (await fetch(`${base}/products?limit=20`)).status === 200 },
  ];
  const page = (await (await fetch(`${base}/products?limit=50`)).json()) as { items: { productId: string }[] };
  const first = page.items[0]?.productId;
  if (first) {
    scenarios.push({ name: 'GET /products/{productId}', requests: 2000, concurrency: 20, run: async () => (await fetch(`${base}/products/${first}`)).status === 200 });
  }
  if (names.has('carts') && page.items.length > 0) {
    const email = `bench-cart-${Date.now()}@example.com`;
    await post(`${base}/users/register`, { email, password, name: 'Cart Bench' });
    const token = await login(base, email, password);
    for (const item of page.items) await post(`${base}/cart/items`, { productId: item.productId, quantity: 1 }, token);
    scenarios.push({
      name: `GET /cart (${page.items.length} lines)`,
      requests: 1000,
      concurrency: 20,
      run: async () => (await fetch(`${base}/cart`, { headers: { authorization: `Bearer ${token}` } })).status === 200,
    });
    scenarios.push({
      name: 'POST /cart/items (add 1 to a line)',
      requests: 500,
      concurrency: 10,
      run: async (i) => {
        const productId = page.items[i % page.items.length]?.productId;
        const response = await post(`${base}/cart/items`, { productId, quantity: 1 }, token);
        // A line that reached 99 units is a correct 422, not a failure of the service.
        return response.status === 200 || response.status === 422;
      },
    });
  }
  return scenarios;
}
