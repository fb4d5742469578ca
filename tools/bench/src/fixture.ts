import { request as httpRequest } from 'node:http';

/** What the bench needs in the shop before it measures: customers with tokens, products with stock, a full cart. */
export interface Fixture {
  /** Seeded catalogue product ids. */
  catalogue: string[];
  /** Products with ample stock that checkout orders, spread over several so no one stock record is the bottleneck. */
  stocked: string[];
  /** One customer's token per shopper. */
  shoppers: string[];
  /** A customer whose cart holds a line of every catalogue product. */
  cartOwner: string;
  adminToken: string;
}

const json = { 'content-type': 'application/json' };
const password = 'correct horse battery';

/**
 * A request from one of several loopback addresses (all of 127.0.0.0/8 is this machine):
 * users throttle registrations per client address, and the bench is not measuring the throttle.
 */
function postFrom(url: string, body: unknown, addressIndex: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const headers = { ...json, 'content-length': String(Buffer.byteLength(payload)) };
    const outgoing = httpRequest(url, { method: 'POST', headers, localAddress: `127.0.0.${2 + (addressIndex % 32)}` }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string, extra: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const headers = { ...json, ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function customer(base: string, index: number, runId: number): Promise<string> {
  const email = `bench-${runId}-${index}@example.com`;
  const registered = await postFrom(`${base}/users/register`, { email, password, name: `Shopper ${index}` }, index);
  if (registered.status !== 201) throw new Error(`registering ${email} answered ${registered.status}: ${registered.text}`);
  const login = await postFrom(`${base}/users/login`, { email, password }, index);
  const token = (JSON.parse(login.text) as { token?: string }).token;
  if (!token) throw new Error(`login of ${email} answered ${login.status}`);
  return token;
}

async function inParallel<T>(count: number, width: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await make(index);
      }
    }),
  );
  return results;
}

/** A product an admin creates with `stock` units, once inventory holds its stock record. */
export async function stockedProduct(base: string, adminToken: string, stock: number, label: string): Promise<string> {
  const product = { name: `Bench ${label}`, description: 'Measured, not sold.', category: 'kitchen', price: { amount: 1500, currency: 'USD' }, stock };
  const created = await call(base, 'POST', '/products', product, adminToken, { 'idempotency-key': `bench-${label}-${Date.now()}` });
  const productId = (created.body as { productId?: string } | undefined)?.productId;
  if (!productId) throw new Error(`creating a product answered ${created.status}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await call(base, 'GET', `/inventory/${productId}`, undefined, adminToken)).status === 200) return productId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`inventory never held stock for ${productId}`);
}

export async function prepareFixture(base: string, shopperCount: number, stockedCount: number): Promise<Fixture> {
  const runId = Date.now();
  const admin = await call(base, 'POST', '/users/login', { email: 'admin@shoplane.local', password: 'shoplane-admin' });
  const adminToken = (admin.body as { token?: string } | undefined)?.token;
  if (!adminToken) throw new Error(`the seeded admin could not log in: ${admin.status}`);
  const page = (await call(base, 'GET', '/products?limit=50')).body as { items: { productId: string }[] };
  const catalogue = page.items.map((item) => item.productId);
  const stocked = await inParallel(stockedCount, 4, (index) => stockedProduct(base, adminToken, 1_000_000, `stock-${index}`));
  const [cartOwner = '', ...shoppers] = await inParallel(shopperCount + 1, 4, (index) => customer(base, index, runId));
  for (const productId of catalogue) await call(base, 'POST', '/cart/items', { productId, quantity: 1 }, cartOwner);
  return { catalogue, stocked, shoppers, cartOwner, adminToken };
}
