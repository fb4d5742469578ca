import { cartLimits } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoCartRepository } from '../adapters/cart-repository.js';
import { productCatalogue } from '../adapters/product-catalogue.js';
import { cartApi, cartOf, cartsTestbed, countingDocumentClient, fillCart, freshCustomer, storedCart, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;

beforeAll(async () => {
  bed = await cartsTestbed();
  api = cartApi(bed);
});

describe('DELETE /cart', () => {
  it('empties the cart and answers 204 with no body', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, 3);
    const client = await api.as(caller);

    const response = await client.clear();

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(cartOf(await client.get()).items).toEqual([]);
  });

  it('answers 204 for a cart that is already empty', async () => {
    const response = await (await api.as(freshCustomer())).clear();

    expect(response.status).toBe(204);
  });

  it('deletes a 30-line cart in chunks of 25, one transaction each', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, 30);
    const counting = countingDocumentClient();
    const countingApi = cartApi(bed, () => ({ carts: dynamoCartRepository(counting.documents, bed.table.name), catalogue: productCatalogue(bed.products) }));

    await (await countingApi.as(caller)).clear();

    expect(counting.commands.filter((command) => command === 'TransactWriteItemsCommand')).toHaveLength(2);
    expect(await storedCart(bed, caller.userId)).toEqual({ lineCount: 0, lines: [] });
  });

  it('gives a cleared cart all 50 places and any currency again', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, cartLimits.maxLines);
    const client = await api.as(caller);
    await client.clear();

    await fillCart(bed, caller, cartLimits.maxLines, { price: { amount: 100, currency: 'EUR' } });

    expect(await storedCart(bed, caller.userId)).toMatchObject({ lineCount: cartLimits.maxLines });
    expect(cartOf(await client.get()).currency).toBe('EUR');
  });

  it('keeps the line count exact when products are added while the cart is cleared', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, 30);
    const newcomers = Array.from({ length: 10 }, () => testProduct());
    bed.products.add(...newcomers);
    const client = await api.as(caller);

    await Promise.all([client.clear(), ...newcomers.map((product) => client.add({ productId: product.productId, quantity: 1 }))]);

    const stored = await storedCart(bed, caller.userId);
    expect(stored.lineCount).toBe(stored.lines.length);
  });
});
