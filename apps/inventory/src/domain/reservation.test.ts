import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReservationMismatchError, ReservationStateError } from './errors.js';
import { answerRepeatedReserve, decideSettlement, newReservation, sameItems, type ReservationStatus, type Settlement } from './reservation.js';

const first = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const second = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W';
const now = new Date('2026-01-01T00:00:00.000Z');

describe('reservation state machine', () => {
  it.each<[ReservationStatus, Settlement, ReservationStatus]>([
    ['reserved', 'commit', 'committed'],
    ['reserved', 'release', 'released'],
  ])('moves a %s reservation on %s to %s', (status, settlement, to) => {
    expect(decideSettlement(status, settlement)).toEqual({ kind: 'apply', to });
  });

  it.each<[ReservationStatus, Settlement]>([
    ['committed', 'commit'],
    ['released', 'release'],
  ])('treats a %s reservation asked to %s again as already done', (status, settlement) => {
    expect(decideSettlement(status, settlement)).toEqual({ kind: 'already-done' });
  });

  it.each<[ReservationStatus, Settlement, string]>([
    ['committed', 'release', 'reservation-committed'],
    ['released', 'commit', 'reservation-released'],
  ])('refuses to move a %s reservation on %s (%s)', (status, settlement, code) => {
    expect(() => decideSettlement(status, settlement)).toThrow(ReservationStateError);
    expect(() => decideSettlement(status, settlement)).toThrow(expect.objectContaining({ code }));
  });

  it('settles a reservation at most once, whatever sequence of commits and releases arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Settlement>('commit', 'release'), { minLength: 1, maxLength: 12 }), (settlements) => {
        let status: ReservationStatus = 'reserved';
        let moves = 0;
        for (const settlement of settlements) {
          try {
            const decision = decideSettlement(status, settlement);
            if (decision.kind === 'apply') {
              status = decision.to;
              moves++;
            }
          } catch (error) {
            if (!(error instanceof ReservationStateError)) throw error;
          }
        }
        expect(moves).toBe(1);
        expect(status).toBe(settlements[0] === 'commit' ? 'committed' : 'released');
      }),
    );
  });
});

describe('a repeated reserve', () => {
  const held = newReservation('ord_1', [
    { productId: first, quantity: 2 },
    { productId: second, quantity: 1 },
  ], now);

  it('answers the held reservation when the items are the same, in any order', () => {
    const again = answerRepeatedReserve(held, [
      { productId: second, quantity: 1 },
      { productId: first, quantity: 2 },
    ]);

    expect(again).toBe(held);
  });

  it('refuses other items under the same reservation id (409 reservation-mismatch)', () => {
    expect(() => answerRepeatedReserve(held, [{ productId: first, quantity: 3 }])).toThrow(ReservationMismatchError);
  });

  it('refuses to reserve again once the reservation was released', () => {
    expect(() => answerRepeatedReserve({ ...held, status: 'released' }, held.items)).toThrow(ReservationStateError);
  });

  it('answers a committed reservation, so a checkout run again for its order goes on to commit (already done)', () => {
    const committed = { ...held, status: 'committed' as const };

    expect(answerRepeatedReserve(committed, held.items)).toBe(committed);
  });

  it('compares items as sets of (product, quantity)', () => {
    expect(sameItems([{ productId: first, quantity: 1 }], [{ productId: first, quantity: 1 }, { productId: second, quantity: 1 }])).toBe(false);
    expect(sameItems([{ productId: first, quantity: 1 }], [{ productId: second, quantity: 1 }])).toBe(false);
  });
});
