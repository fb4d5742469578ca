import { newId } from '@shoplane/contracts';

/**
 * The shop as its clients see it, over HTTP only (the suite drives shops in this process
 * and shops in child processes alike): customers, the admin, products, orders.
 */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/**
 * fetch, sent again once when the kept-alive connection it picked was closed by the server
 * at that very moment (ECONNRESET before any answer): a race of HTTP keep-alive, not an answer.
 */
export async function fetchReusing(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

export async function call<T = unknown>(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const response = await fetchReusing(new URL(path, baseUrl), {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: body as T };
}

export interface Customer {
  userId: string;
  token: string;
}

/** A registered and logged-in customer (registration publishes UserRegistered, so notifications can write to them). */
export async function newCustomer(baseUrl: string): Promise<Customer> {
  const email = `${newId('usr').toLowerCase()}@example.com`;
  const password = 'correct horse battery staple';
  const registered = await call<{ userId: string }>(baseUrl, 'POST', '/users/register', { body: { email, password, name: 'Reliability Shopper' } });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const login = await call<{ token: string }>(baseUrl, 'POST', '/users/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  return { userId: registered.body.userId, token: login.body.token };
}

export async function adminToken(baseUrl: string): Promise<string> {
  const login = await call<{ token: string }>(baseUrl, 'POST', '/users/login', { body: { email: 'admin@shoplane.local', password: 'shoplane-admin' } });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
  return login.body.token;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A product with `stock` units, once inventory holds its stock record. */
export async function newProduct(baseUrl: string, admin: string, stock: number, amount = 1500): Promise<string> {
  const created = await call<{ productId: string }>(baseUrl, 'POST', '/products', {
    token: admin,
    body: { name: `Reliability Mug ${newId('prd').slice(-6)}`, description: 'Holds tea.', category: 'kitchen', price: { amount, currency: 'USD' }, stock },
  });
  if (created.status !== 201) throw new Error(`POST /products answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { productId } = created.body;
  await waitFor(`stock of ${productId}`, async () => ((await call(baseUrl, 'GET', `/inventory/${productId}`, { token: admin })).status === 200 ? true : undefined), 30_000);
  return productId;
}

export interface PlacedOrder {
  status: number;
  orderId?: string;
  /** The problem's type when refused. */
  problem?: string;
}

/** POST /orders; a retry of a request whose answer was lost passes its Idempotency-Key again. */
export async function placeOrder(
  baseUrl: string,
  customer: Customer,
  items: { productId: string; quantity: number }[],
  payment: { method: 'CARD' | 'UPI'; token: string },
  idempotencyKey = newId('order'),
): Promise<PlacedOrder> {
  const answer = await call<{ orderId?: string; type?: string; detail?: string }>(baseUrl, 'POST', '/orders', {
    token: customer.token,
    headers: { 'idempotency-key': idempotencyKey },
    body: { items, payment },
  });
  return { status: answer.status, ...(answer.body?.orderId ? { orderId: answer.body.orderId } : { problem: `${answer.body?.type ?? ''}: ${answer.body?.detail ?? ''}` }) };
}
