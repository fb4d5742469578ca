import { addCartItem, getCart, getCurrentUser, listProducts, loginUser } from '@shoplane/contracts';
import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { workspaceRoot } from '@shoplane/manifest';
import { apiEvent, invoke } from '@shoplane/testing';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The journeys above run the handlers' source; this runs the minified ESM bundles
 * that are deployed (dist/apps/<service>/<handler>.mjs, built before this test), with
 * the local shop providing the store, the bus and the other services.
 */
let shop: LocalShop;

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
});

afterAll(async () => {
  await shop?.stop();
});

type Handler = Parameters<typeof invoke>[0];

async function bundle(service: string, handler: string): Promise<Handler> {
  const module = (await import(pathToFileURL(join(workspaceRoot(), 'dist', 'apps', service, `${handler}.mjs`)).href)) as { handler: Handler };
  return module.handler;
}

describe('the deployable bundles', () => {
  it('serve a shopper from login to a priced cart', async () => {
    const products = await invoke(await bundle('products', 'list-products'), apiEvent(listProducts, { query: { limit: '1' } }));
    const login = await invoke(await bundle('users', 'login'), apiEvent(loginUser, { body: { email: 'admin@shoplane.local', password: 'shoplane-admin' } }));
    const token = (login.body as { token: string }).token;
    const me = await invoke(await bundle('users', 'get-me'), apiEvent(getCurrentUser, { token }));
    const productId = (products.body as { items: { productId: string }[] }).items[0]?.productId;
    const added = await invoke(await bundle('carts', 'add-cart-item'), apiEvent(addCartItem, { token, body: { productId, quantity: 2 } }));
    const cart = await invoke(await bundle('carts', 'get-cart'), apiEvent(getCart, { token }));

    expect(products.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin' });
    expect(added.status).toBe(200);
    expect(cart.body).toMatchObject({ items: [{ productId, quantity: 2, available: true }] });
  });
});
