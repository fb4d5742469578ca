import type { OrderLine } from '@shoplane/contracts';
import { newId, toEnvelope } from '@shoplane/lambda-kit';
import { subscriptionBatch, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoOrderedLines } from '../adapters/ordered-lines.js';
import { cartsTestbed, fillCart, freshCustomer, storedCart, type CartsTestbed } from '../test-support.js';
import { onOrderConfirmedHandler } from './on-order-confirmed.js';

let bed: CartsTestbed;
let consume: ReturnType<typeof onOrderConfirmedHandler>;

beforeAll(async () => {
  bed = await cartsTestbed();
  consume = onOrderConfirmedHandler(() => ({ carts: bed.carts, orderedLines: dynamoOrderedLines(bed.table.documents, bed.table.name) }));
});

const line = (productId: string, quantity: number): OrderLine => ({
  productId,
  name: 'Mug',
  unitPrice: { amount: 100, currency: 'USD' },
  quantity,
  lineTotal: { amount: 100 * quantity, currency: 'USD' },
});

function orderConfirmed(userId: string, lines: OrderLine[], orderId = newId('ord')) {
  return toEnvelope('orders', {
    eventType: 'OrderConfirmed',
    correlationId: 'corr-confirmed',
    data: { orderId, userId, lines, total: { amount: lines.reduce((sum, each) => sum + each.lineTotal.amount, 0), currency: 'USD' }, paymentId: newId('pay') },
  });
}

const quantities = async (userId: string) =>
  Object.fromEntries((await storedCart(bed, userId)).lines.map((stored) => [String(stored['productId']), Number(stored['qty'])]));

/** A cart of three lines: 5 mugs, 1 kettle, 2 lamps. */
async function cartOfThree() {
  const caller = freshCustomer();
  const [mug, kettle, lamp] = (await fillCart(bed, caller, 3)).map((product) => product.productId);
  if (!mug || !kettle || !lamp) throw new Error('the cart was not filled');
  await bed.carts.setLine(caller.userId, { productId: mug, quantity: 5, currency: 'USD' }, new Date());
  await bed.carts.setLine(caller.userId, { productId: lamp, quantity: 2, currency: 'USD' }, new Date());
  return { userId: caller.userId, mug, kettle, lamp };
}

describe('on OrderConfirmed', () => {
  it('subtracts the ordered quantities: the rest of a line stays, a line ordered whole goes, and lineCount follows', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();

    const answer = await consume(subscriptionBatch(orderConfirmed(userId, [line(mug, 2), line(kettle, 1)])));

    expect(answer.batchItemFailures).toEqual([]);
    expect(await quantities(userId)).toEqual({ [mug]: 3, [lamp]: 2 });
    expect((await storedCart(bed, userId)).lineCount).toBe(2);
  });

  it('keeps a line added while the order was in checkout', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();
    const newcomer = testProduct();
    await bed.carts.addToLine(userId, { productId: newcomer.productId, quantity: 1, currency: 'USD' }, new Date());

    await consume(subscriptionBatch(orderConfirmed(userId, [line(mug, 5), line(kettle, 1), line(lamp, 2)])));

    expect(await quantities(userId)).toEqual({ [newcomer.productId]: 1 });
    expect((await storedCart(bed, userId)).lineCount).toBe(1);
  });

  it('removes a line the customer lowered below the ordered quantity, and ignores one they removed', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();
    await bed.carts.setLine(userId, { productId: mug, quantity: 1, currency: 'USD' }, new Date());
    await bed.carts.removeLine(userId, kettle);

    await consume(subscriptionBatch(orderConfirmed(userId, [line(mug, 4), line(kettle, 1)])));

    expect(await quantities(userId)).toEqual({ [lamp]: 2 });
    expect((await storedCart(bed, userId)).lineCount).toBe(1);
  });

  it('subtracts once when the same event is delivered again', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();
    const event = orderConfirmed(userId, [line(mug, 2)]);

    await consume(subscriptionBatch(event));
    await consume(subscriptionBatch(event));

    expect(await quantities(userId)).toEqual({ [mug]: 3, [kettle]: 1, [lamp]: 2 });
  });

  it('subtracts once for one order, even under another event id, and even delivered five times at once', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();
    const event = orderConfirmed(userId, [line(mug, 1), line(kettle, 1)]);
    const republished = { ...event, eventId: newId('evt') };

    const answers = await Promise.all([...Array.from({ length: 4 }, () => consume(subscriptionBatch(event))), consume(subscriptionBatch(republished))]);

    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    expect(await quantities(userId)).toEqual({ [mug]: 4, [lamp]: 2 });
    expect((await storedCart(bed, userId)).lineCount).toBe(2);
  });

  it('settles two different orders of one cart one after the other, both counted', async () => {
    const { userId, mug, kettle, lamp } = await cartOfThree();

    await Promise.all([consume(subscriptionBatch(orderConfirmed(userId, [line(mug, 2)]))), consume(subscriptionBatch(orderConfirmed(userId, [line(mug, 1), line(lamp, 2)])))]);

    expect(await quantities(userId)).toEqual({ [mug]: 2, [kettle]: 1 });
    expect((await storedCart(bed, userId)).lineCount).toBe(2);
  });

  it('leaves an empty cart empty', async () => {
    const userId = freshCustomer().userId;

    const answer = await consume(subscriptionBatch(orderConfirmed(userId, [line(testProduct().productId, 1)])));

    expect(answer.batchItemFailures).toEqual([]);
    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });
});
