import { BusyError, type InternalInput, type reserveStock } from '@shoplane/contracts';
import { InsufficientStockError, ReservationNotFoundError, UnknownProductError } from './errors.js';
import { now, type InventoryDependencies } from './inventory.js';
import {
  answerRepeatedReserve,
  decideSettlement,
  newReservation,
  releasedPlaceholder,
  type Reservation,
  type ReservationStatus,
  type Settlement,
} from './reservation.js';
import { isSatisfiable, reservationMovements, shortfallOf } from './stock.js';

type ReservationDependencies = Pick<InventoryDependencies, 'reservations' | 'clock'>;

/**
 * A refusal is judged on stock read just after it; when that stock would now satisfy
 * the request (units came back in between), the reserve is tried again, this often.
 */
const reserveAttempts = 3;
/** A settlement loses a race at most once: after that the reservation is in a final state. */
const settleAttempts = 3;

class SettlementRaceError extends Error {}

/** Holds every line's units for a reservation, or none; repeating it with the same items answers the same reservation. */
export async function reserve(deps: ReservationDependencies, input: InternalInput<typeof reserveStock>): Promise<Reservation> {
  for (let attempt = 1; ; attempt++) {
    const reservation = newReservation(input.reservationId, input.items, now(deps));
    const outcome = await deps.reservations.reserve(reservation);
    if (outcome.kind === 'reserved') return reservation;
    if (outcome.kind === 'exists') return answerRepeatedReserve(outcome.reservation, input.items);
    const shortfall = shortfallOf(input.items, outcome.stock);
    if (shortfall.unknown.length > 0) throw new UnknownProductError(shortfall.unknown);
    if (!isSatisfiable(shortfall)) throw new InsufficientStockError(shortfall.short);
    if (attempt >= reserveAttempts) throw new BusyError('stock');
  }
}

async function settle(deps: ReservationDependencies, reservationId: string, settlement: Settlement): Promise<ReservationStatus> {
  for (let attempt = 1; attempt <= settleAttempts; attempt++) {
    const reservation = await deps.reservations.find(reservationId);
    if (!reservation) {
      if (settlement === 'commit') throw new ReservationNotFoundError();
      if (await deps.reservations.createIfAbsent(releasedPlaceholder(reservationId, now(deps)))) return 'released';
      continue;
    }
    const decision = decideSettlement(reservation.status, settlement);
    if (decision.kind === 'already-done') return reservation.status;
    const movements = reservationMovements(settlement, reservation.items);
    if ((await deps.reservations.settle(reservation, decision.to, movements, now(deps))) === 'settled') return decision.to;
  }
  throw new SettlementRaceError(`reservation ${reservationId} kept changing while being settled`);
}

/** The reserved units leave the building (the order was paid). Committing twice answers the same. */
export async function commit(deps: ReservationDependencies, reservationId: string): Promise<'committed'> {
  await settle(deps, reservationId, 'commit');
  return 'committed';
}

/** The reserved units return to available (the order failed). Releasing twice, or an unknown id, answers the same. */
export async function release(deps: ReservationDependencies, reservationId: string): Promise<'released'> {
  await settle(deps, reservationId, 'release');
  return 'released';
}
