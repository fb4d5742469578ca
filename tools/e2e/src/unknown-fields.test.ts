import { allOperations, type HttpOperation } from '@shoplane/contracts';
import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractViolations } from './contract.js';
import { recordingClient, type RecordingClient } from './journey-client.js';

/**
 * A field the API does not know is refused, never dropped: through the local gateway
 * for every operation that takes a body (providers' webhooks aside), and already at
 * compile time in the generated client (each `@ts-expect-error` below fails the
 * typecheck if the client ever accepts the field again).
 */
let shop: LocalShop;
let client: RecordingClient;
let adminToken: string;

type Parameter = { in: string; name: string; schema?: { examples?: string[] } };
const document = JSON.parse(readFileSync(fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url)), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
};

/** The operation's path with each parameter set to its documented example: well-formed, so the body is what gets judged. */
function examplePath(operation: HttpOperation): string {
  const parameters = document.paths[operation.path]?.[operation.method]?.parameters ?? [];
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const example = parameters.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema?.examples?.[0];
    if (!example) throw new Error(`${operation.operationId}: openapi.json gives no example for path parameter ${name}`);
    return encodeURIComponent(example);
  });
}

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  client = recordingClient(shop.url);
  const { data } = await client.api.POST('/users/login', { body: { email: 'admin@shoplane.local', password: 'shoplane-admin' } });
  adminToken = data?.token ?? '';
});

afterAll(async () => {
  await shop?.stop();
});

const strictOperations = allOperations.filter((operation) => operation.request?.body && !operation.request.providerPayload);

describe('every operation with a body', () => {
  it.each(strictOperations.map((operation) => [operation.operationId, operation] as const))('%s answers 422 naming an unknown field', async (_id, operation) => {
    const response = await fetch(new URL(examplePath(operation), shop.url), {
      method: operation.method.toUpperCase(),
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'idempotency-key': `unknown-field-${operation.operationId}` },
      body: JSON.stringify({ colour: 'red' }),
    });
    const body = (await response.json()) as { errors?: { path: string; message: string }[] };

    expect(response.status).toBe(422);
    expect(body.errors).toContainEqual({ path: 'colour', message: 'is not a known field' });
    expect(contractViolations({ operationId: operation.operationId, status: response.status, contentType: response.headers.get('content-type'), body })).toEqual([]);
  });
});

describe('the generated client', () => {
  const shopper = { email: `strict-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Strict Shopper' };
  let productId: string;
  let shopperToken: string | undefined;

  beforeAll(async () => {
    client.useToken(adminToken);
    const created = await client.api.POST('/products', {
      body: { name: 'Strict Kettle', description: 'Boils water.', category: 'kitchen', price: { amount: 1500, currency: 'USD' }, stock: 5 },
    });
    productId = created.data?.productId ?? '';
    client.useToken(undefined);
    await client.api.POST('/users/register', { body: shopper });
    const { data } = await client.api.POST('/users/login', { body: { email: shopper.email, password: shopper.password } });
    shopperToken = data?.token;
  });

  it('will not compile a misspelt optional PATCH field, and the API refuses it, changing nothing', async () => {
    client.useToken(adminToken);

    // @ts-expect-error `descripton` is not a field of UpdateProductRequest
    const patched = await client.api.PATCH('/products/{productId}', { params: { path: { productId } }, body: { name: 'Renamed Kettle', descripton: 'Copper.' } });
    const product = await client.api.GET('/products/{productId}', { params: { path: { productId } } });

    expect(patched.response.status).toBe(422);
    expect(patched.error?.errors).toEqual([{ path: 'descripton', message: 'is not a known field' }]);
    expect(product.data).toMatchObject({ name: 'Strict Kettle', description: 'Boils water.' });
  });

  it('will not compile an unknown cart field, and the API refuses it, leaving the cart empty', async () => {
    client.useToken(shopperToken);

    // @ts-expect-error `colour` is not a field of AddCartItemRequest
    const added = await client.api.POST('/cart/items', { body: { productId, quantity: 1, colour: 'red' } });
    const cart = await client.api.GET('/cart');

    expect(added.response.status).toBe(422);
    expect(added.error?.errors).toEqual([{ path: 'colour', message: 'is not a known field' }]);
    expect(cart.data?.items).toEqual([]);
  });

  it('will not compile an unknown field nested in an order line or the payment, and the API names each at its path', async () => {
    client.useToken(shopperToken);
    const headers = { 'Idempotency-Key': `strict-order-${Date.now()}` };

    const placed = await client.api.POST('/orders', {
      params: { header: headers },
      // @ts-expect-error `colour` is not a field of an order line, nor `cvv` of PaymentDetails
      body: { items: [{ productId, quantity: 1, colour: 'red' }], payment: { method: 'CARD', token: 'tok_visa', cvv: '123' } },
    });
    const orders = await client.api.GET('/orders');

    expect(placed.response.status).toBe(422);
    expect(placed.error?.errors).toEqual([
      { path: 'items.0.colour', message: 'is not a known field' },
      { path: 'payment.cvv', message: 'is not a known field' },
    ]);
    expect(orders.data?.items).toEqual([]);
  });

  it('answers a cart line\'s quantity as `quantity`, the name requests use', async () => {
    client.useToken(shopperToken);
    await client.api.POST('/cart/items', { body: { productId, quantity: 2 } });
    const cart = await client.api.GET('/cart');

    expect(cart.data?.items).toEqual([expect.objectContaining({ productId, quantity: 2 })]);
    expect(cart.data?.items[0]).not.toHaveProperty('qty');
  });

  it('got only answers that match openapi.json', () => {
    expect(client.observed.filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});
