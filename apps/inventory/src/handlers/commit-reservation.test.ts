import type { InternalResult } from '@shoplane/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { announcedChanges, inventoryTestbed, type InventoryTestbed } from '../test-support.js';
import { commitReservationHandler } from './commit-reservation.js';
import { releaseReservationHandler } from './release-reservation.js';

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

describe('commitReservation', () => {
  it('commits a held reservation: its units leave reserved stock for good', async () => {
    const { productId, reservationId } = await heldReservation();

    const answer = await commit(reservationId);

    expect(answer).toEqual({ ok: true, result: { reservationId, status: 'committed' } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 7, reservedStock: 0, version: 3 });
    expect(await bed.deps.reservations.find(reservationId)).toMatchObject({ status: 'committed' });
  });

  it('answers a second commit the same, changing nothing', async () => {
    const { productId, reservationId } = await heldReservation();
    await commit(reservationId);

    const again = await commit(reservationId);

    expect(again).toEqual({ ok: true, result: { reservationId, status: 'committed' } });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 7, reservedStock: 0, version: 3 });
  });

  it('refuses to commit a released reservation (409 reservation-released)', async () => {
    const { reservationId } = await heldReservation();
    await release(reservationId);

    expect(await commit(reservationId)).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('reservation-released') } });
  });

  it('answers 404 reservation-not-found for an unknown reservation', async () => {
    expect(await commit('ord_never_reserved')).toMatchObject({ ok: false, problem: { status: 404, type: expect.stringContaining('reservation-not-found') } });
  });

  it('announces InventoryUpdated (reason committed) correlated by the reservation id', async () => {
    const { productId, reservationId } = await heldReservation();

    await commit(reservationId);

    const committed = (await announcedChanges(bed.table, productId)).filter((change) => change.data.reason === 'committed');
    expect(committed).toEqual([expect.objectContaining({ correlationId: reservationId, data: { productId, availableStock: 7, reservedStock: 0, version: 3, reason: 'committed' } })]);
  });
});

describe('racing settlements', () => {
  it('lets exactly one of a concurrent commit and release settle a reservation, and the stock agrees with it', async () => {
    const { productId, reservationId } = await heldReservation();

    const [committed, released] = await Promise.all([commit(reservationId), release(reservationId)]);

    expect([committed.ok, released.ok].filter(Boolean)).toHaveLength(1);
    const winner = committed.ok ? 'committed' : 'released';
    expect(await bed.deps.reservations.find(reservationId)).toMatchObject({ status: winner });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: winner === 'committed' ? 7 : 10, reservedStock: 0, version: 3 });
  });

  it('returns units once when the same release arrives ten times at once', async () => {
    const { productId, reservationId } = await heldReservation();

    const answers = await Promise.all(Array.from({ length: 10 }, () => release(reservationId)));

    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, reservedStock: 0, version: 3 });
  });
});
