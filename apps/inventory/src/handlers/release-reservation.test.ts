import type { InternalResult } from '@shoplane/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryTestbed, type InventoryTestbed } from '../test-support.js';
import { commitReservationHandler } from './commit-reservation.js';
import { releaseReservationHandler } from './release-reservation.js';
import { reserveStockHandler } from './reserve-stock.js';

let bed: InventoryTestbed;
let handlers: { commit: ReturnType<typeof commitReservationHandler>; release: ReturnType<typeof releaseReservationHandler> };

beforeAll(async () => {
  bed = await inventoryTestbed();
  handlers = {
    commit: commitReservationHandler(bed.inventory),
    release: releaseReservationHandler(bed.inventory),
  };
});

type Answer = InternalResult<{ reservationId: string; status: string }>;
const commit = async (reservationId: string) => (await handlers.commit({ reservationId })) as Answer;
const release = async (reservationId: string) => (await handlers.release({ reservationId })) as Answer;

/** A product with 10 units, 3 of them held by a fresh reservation. */
const heldReservation = () => bed.heldReservation(10, 3);

describe('releaseReservation', () => {
  it('releases a held reservation: its units return to available', async () => {
    const { productId, reservationId } = await heldReservation();

    const answer = await release(reservationId);

    expect(answer).toEqual({ ok: true, result: { reservationId, status: 'released' } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, reservedStock: 0, version: 3 });
  });

  it('answers a second release the same, returning the units once', async () => {
    const { productId, reservationId } = await heldReservation();
    await release(reservationId);

    expect(await release(reservationId)).toEqual({ ok: true, result: { reservationId, status: 'released' } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, reservedStock: 0, version: 3 });
  });

  it('refuses to release a committed reservation (409 reservation-committed): sold units need a restock', async () => {
    const { productId, reservationId } = await heldReservation();
    await commit(reservationId);

    expect(await release(reservationId)).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('reservation-committed') } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 7, reservedStock: 0 });
  });

  it('answers released for a reservation it never saw, and then refuses that reserve if it arrives late', async () => {
    const productId = await bed.stockedProduct(10);
    const reservationId = 'ord_never_reserved_before_release';

    const released = await release(reservationId);
    const late = await reserveStockHandler(bed.inventory)({ reservationId, items: [{ productId, quantity: 1 }] });

    expect(released).toEqual({ ok: true, result: { reservationId, status: 'released' } });
    expect(late).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('reservation-released') } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, reservedStock: 0 });
  });
});
