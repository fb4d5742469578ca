import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReservationStateError } from './errors.js';
import { decideSettlement, type ReservationStatus, type Settlement } from './reservation.js';
import { applyMovement, newStockRecord, requiredOnHand, reservationMovements, restockMovement, shortfallOf, type StockRecord } from './stock.js';

const productId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const otherProductId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W';
const now = new Date('2026-01-01T00:00:00.000Z');
const record = (availableStock: number, reservedStock = 0): StockRecord => ({ ...newStockRecord(productId, availableStock, now), reservedStock });

describe('stock movements', () => {
  it('reserving moves units from available to reserved', () => {
    expect(reservationMovements('reserve', [{ productId, quantity: 3 }])).toEqual([{ productId, available: -3, reserved: 3 }]);
  });

  it('committing takes units out of reserved only: they leave the building', () => {
    expect(reservationMovements('commit', [{ productId, quantity: 3 }])).toEqual([{ productId, available: 0, reserved: -3 }]);
  });

  it('releasing moves units from reserved back to available', () => {
    expect(reservationMovements('release', [{ productId, quantity: 3 }])).toEqual([{ productId, available: 3, reserved: -3 }]);
  });

  it('restocking needs nothing on hand; reserving needs the units available', () => {
    expect(requiredOnHand(restockMovement(productId, 5))).toEqual({ available: 0, reserved: 0 });
    expect(requiredOnHand({ productId, available: -4, reserved: 4 })).toEqual({ available: 4, reserved: 0 });
  });

  it('refuses a movement that would drive a count below zero', () => {
    expect(applyMovement(record(3), { productId, available: -4, reserved: 4 }, now)).toBeUndefined();
    expect(applyMovement(record(3, 1), { productId, available: 0, reserved: -2 }, now)).toBeUndefined();
  });

  it('bumps the version with every applied movement', () => {
    expect(applyMovement(record(3), restockMovement(productId, 2), now)).toMatchObject({ availableStock: 5, version: 2 });
  });
});

describe('shortfall of a reservation', () => {
  it('names unknown products and short lines by their index, with what is available', () => {
    const stock = new Map([[productId, record(2)]]);

    const shortfall = shortfallOf(
      [
        { productId, quantity: 5 },
        { productId: otherProductId, quantity: 1 },
      ],
      stock,
    );

    expect(shortfall).toEqual({ unknown: [1], short: [{ index: 0, requested: 5, available: 2 }] });
  });

  it('finds nothing missing when every line fits', () => {
    expect(shortfallOf([{ productId, quantity: 2 }], new Map([[productId, record(2)]]))).toEqual({ unknown: [], short: [] });
  });
});

type LedgerCommand =
  | { kind: 'reserve'; quantity: number }
  | { kind: 'commit' | 'release'; pick: number }
  | { kind: 'restock'; quantity: number };

/** The state machine's answer, or undefined for a transition it refuses. */
function settlementOf(status: ReservationStatus, settlement: Settlement) {
  try {
    return decideSettlement(status, settlement);
  } catch (error) {
    if (error instanceof ReservationStateError) return undefined;
    throw error;
  }
}

const ledgerCommand: fc.Arbitrary<LedgerCommand> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), quantity: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constantFrom('commit' as const, 'release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restock' as const), quantity: fc.integer({ min: 1, max: 12 }) }),
);

describe('the stock ledger under any sequence of reserve, commit, release and restock', () => {
  it('never goes below zero and never loses or invents a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(ledgerCommand, { maxLength: 60 }), (initial, commands) => {
        let stock = record(initial);
        const held: { quantity: number; status: ReservationStatus }[] = [];
        let restocked = 0;
        let sold = 0;
        const move = (movement: Parameters<typeof applyMovement>[1] | undefined) => (movement ? applyMovement(stock, movement, now) : undefined);

        for (const command of commands) {
          if (command.kind === 'restock') {
            stock = move(restockMovement(productId, command.quantity)) ?? stock;
            restocked += command.quantity;
          } else if (command.kind === 'reserve') {
            const next = move(reservationMovements('reserve', [{ productId, quantity: command.quantity }])[0]);
            expect(next === undefined).toBe(stock.availableStock < command.quantity);
            if (next) {
              stock = next;
              held.push({ quantity: command.quantity, status: 'reserved' });
            }
          } else if (held.length > 0) {
            const reservation = held[command.pick % held.length];
            if (!reservation) continue;
            const decision = settlementOf(reservation.status, command.kind);
            if (decision?.kind !== 'apply') continue;
            const next = move(reservationMovements(command.kind, [{ productId, quantity: reservation.quantity }])[0]);
            // A held reservation always finds its units in reserved.
            expect(next).toBeDefined();
            stock = next ?? stock;
            reservation.status = decision.to;
            if (command.kind === 'commit') sold += reservation.quantity;
          }

          const stillHeld = held.filter((reservation) => reservation.status === 'reserved').reduce((sum, r) => sum + r.quantity, 0);
          expect(stock.availableStock).toBeGreaterThanOrEqual(0);
          expect(stock.reservedStock).toBe(stillHeld);
          expect(stock.availableStock + stock.reservedStock + sold).toBe(initial + restocked);
        }
      }),
    );
  });
});
