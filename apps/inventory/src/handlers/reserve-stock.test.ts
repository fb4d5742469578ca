import type { InternalResult } from '@shoplane/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { announcedChanges, inventoryTestbed, newProductId, type InventoryTestbed } from '../test-support.js';
import { reserveStockHandler } from './reserve-stock.js';

let bed: InventoryTestbed;
let reserveStock: ReturnType<typeof reserveStockHandler>;

beforeAll(async () => {
  bed = await inventoryTestbed();
  reserveStock = reserveStockHandler(bed.inventory);
});

let reservationCount = 0;
const nextReservationId = () => `ord_test_${++reservationCount}`;

type Answer = InternalResult<{ reservationId: string; status: string; items: unknown[] }>;
const reserve = async (payload: unknown) => (await reserveStock(payload)) as Answer;

describe('reserveStock', () => {
  it('moves the units from available to reserved and answers the reservation', async () => {
    const productId = await bed.stockedProduct(10);
    const reservationId = nextReservationId();

    const answer = await reserve({ reservationId, items: [{ productId, quantity: 3 }] });

    expect(answer).toEqual({ ok: true, result: { reservationId, status: 'reserved', items: [{ productId, quantity: 3 }] } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 7, reservedStock: 3, version: 2 });
  });

  it('lets exactly 20 of 50 concurrent single-unit reserves of a stock of 20 succeed; the rest are refused as insufficient', async () => {
    const productId = await bed.stockedProduct(20);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => reserve({ reservationId: nextReservationId(), items: [{ productId, quantity: 1 }] })),
    );

    const refusals = answers.flatMap((answer) => (answer.ok ? [] : [answer.problem]));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(20);
    expect(refusals).toHaveLength(30);
    for (const problem of refusals) expect(problem).toMatchObject({ status: 409, type: expect.stringContaining('insufficient-stock') });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 0, reservedStock: 20, version: 21 });
  });

  it('reserves nothing when one line of several is short, and names that line with what is available', async () => {
    const plenty = await bed.stockedProduct(10);
    const scarce = await bed.stockedProduct(2);

    const answer = await reserve({
      reservationId: nextReservationId(),
      items: [
        { productId: plenty, quantity: 4 },
        { productId: scarce, quantity: 3 },
      ],
    });

    expect(answer).toMatchObject({
      ok: false,
      problem: { status: 409, type: expect.stringContaining('insufficient-stock'), errors: [{ path: 'items.1.quantity', message: 'only 2 available' }] },
    });
    expect(await bed.deps.stock.find(plenty)).toMatchObject({ availableStock: 10, reservedStock: 0, version: 1 });
    expect(await bed.deps.stock.find(scarce)).toMatchObject({ availableStock: 2, reservedStock: 0, version: 1 });
  });

  it('answers 404 unknown-product naming the line, and reserves nothing', async () => {
    const known = await bed.stockedProduct(10);
    const reservationId = nextReservationId();

    const answer = await reserve({
      reservationId,
      items: [
        { productId: known, quantity: 1 },
        { productId: newProductId(), quantity: 1 },
      ],
    });

    expect(answer).toMatchObject({
      ok: false,
      problem: { status: 404, type: expect.stringContaining('unknown-product'), errors: [{ path: 'items.1.productId', message: 'has no stock record' }] },
    });
    expect(await bed.deps.stock.find(known)).toMatchObject({ availableStock: 10, reservedStock: 0 });
    expect(await bed.deps.reservations.find(reservationId)).toBeUndefined();
  });

  it('answers a repeated reserve with the same items unchanged, holding the units once', async () => {
    const productId = await bed.stockedProduct(10);
    const request = { reservationId: nextReservationId(), items: [{ productId, quantity: 4 }] };
    const first = await reserve(request);

    const again = await reserve(request);

    expect(again).toEqual(first);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 6, reservedStock: 4, version: 2 });
  });

  it('answers a repeated reserve with the same items once the stock is gone, as the units are already held', async () => {
    const productId = await bed.stockedProduct(3);
    const request = { reservationId: nextReservationId(), items: [{ productId, quantity: 3 }] };
    await reserve(request);

    expect(await reserve(request)).toMatchObject({ ok: true, result: { status: 'reserved' } });
  });

  it('refuses the same reservation id with other items (409 reservation-mismatch) and changes nothing', async () => {
    const productId = await bed.stockedProduct(10);
    const reservationId = nextReservationId();
    await reserve({ reservationId, items: [{ productId, quantity: 1 }] });

    const answer = await reserve({ reservationId, items: [{ productId, quantity: 2 }] });

    expect(answer).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('reservation-mismatch') } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 9, reservedStock: 1 });
  });

  it('lets exactly one of 10 concurrent reserves under one id hold the units; the others answer the same reservation', async () => {
    const productId = await bed.stockedProduct(10);
    const request = { reservationId: nextReservationId(), items: [{ productId, quantity: 2 }] };

    const answers = await Promise.all(Array.from({ length: 10 }, () => reserve(request)));

    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 8, reservedStock: 2, version: 2 });
  });

  it('reserves a cart of the largest size, 50 lines, in one transaction', async () => {
    const productIds = await Promise.all(Array.from({ length: 50 }, () => bed.stockedProduct(5)));

    const answer = await reserve({ reservationId: nextReservationId(), items: productIds.map((productId) => ({ productId, quantity: 2 })) });

    expect(answer.ok).toBe(true);
    const stock = await bed.deps.stock.findMany(productIds);
    expect([...stock.values()].every((record) => record.availableStock === 3 && record.reservedStock === 2)).toBe(true);
  });

  it('announces InventoryUpdated (reason reserved) for each product, correlated by the reservation id', async () => {
    const first = await bed.stockedProduct(5);
    const second = await bed.stockedProduct(5);
    const reservationId = nextReservationId();

    await reserve({ reservationId, items: [{ productId: first, quantity: 1 }, { productId: second, quantity: 2 }] });

    for (const [productId, quantity] of [[first, 1], [second, 2]] as const) {
      const reserved = (await announcedChanges(bed.table, productId)).filter((change) => change.data.reason === 'reserved');
      expect(reserved).toEqual([
        expect.objectContaining({ correlationId: reservationId, data: { productId, availableStock: 5 - quantity, reservedStock: quantity, version: 2, reason: 'reserved' } }),
      ]);
    }
  });

  it.each([
    ['a zero quantity', (productId: string) => ({ reservationId: 'ord_bad_1', items: [{ productId, quantity: 0 }] }), 'items.0.quantity'],
    ['a product twice', (productId: string) => ({ reservationId: 'ord_bad_2', items: [{ productId, quantity: 1 }, { productId, quantity: 1 }] }), 'items'],
    ['no lines', () => ({ reservationId: 'ord_bad_3', items: [] }), 'items'],
    ['a reservation id with a #', (productId: string) => ({ reservationId: 'ord#1', items: [{ productId, quantity: 1 }] }), 'reservationId'],
  ])('refuses %s with 422 naming the field', async (_case, request, path) => {
    const productId = await bed.stockedProduct(5);

    const answer = await reserve(request(productId));

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [expect.objectContaining({ path })] } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 5 });
  });
});
