import type { InternalOutput, InternalResult, getCartLines } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartsTestbed, fillCart, freshCustomer, type CartsTestbed } from '../test-support.js';
import { getCartLinesHandler } from './get-cart-lines.js';

let bed: CartsTestbed;
let getLines: ReturnType<typeof getCartLinesHandler>;

beforeAll(async () => {
  bed = await cartsTestbed();
  getLines = getCartLinesHandler(() => ({ carts: bed.carts }));
});

const call = async (payload: unknown) => (await getLines(payload)) as InternalResult<InternalOutput<typeof getCartLines>>;

describe('getCartLines', () => {
  it('answers the cart\'s products and quantities, in its currency, and never a price', async () => {
    const caller = freshCustomer();
    const [first, second] = await fillCart(bed, caller, 2, { price: { amount: 700, currency: 'EUR' } });
    await bed.carts.setLine(caller.userId, { productId: String(second?.productId), quantity: 4, currency: 'EUR' }, new Date());

    const answer = await call({ userId: caller.userId });

    expect(answer).toEqual({ ok: true, result: { lines: expect.arrayContaining([{ productId: first?.productId, quantity: 1 }, { productId: second?.productId, quantity: 4 }]), currency: 'EUR' } });
    expect(answer.ok && answer.result.lines).toHaveLength(2);
  });

  it('answers an empty cart with no lines and no currency', async () => {
    expect(await call({ userId: freshCustomer().userId })).toEqual({ ok: true, result: { lines: [] } });
  });

  it('answers only the asked customer\'s cart', async () => {
    const alice = freshCustomer();
    const product = testProduct();
    bed.products.add(product);
    await bed.carts.addToLine(alice.userId, { productId: product.productId, quantity: 2, currency: 'USD' }, new Date());

    expect(await call({ userId: freshCustomer().userId })).toEqual({ ok: true, result: { lines: [] } });
  });

  it('refuses a malformed user id with 422', async () => {
    expect(await call({ userId: 'alice' })).toMatchObject({ ok: false, problem: { status: 422 } });
  });
});
