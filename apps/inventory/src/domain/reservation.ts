import { ReservationMismatchError, ReservationStateError } from './errors.js';
import type { ReservationLine } from './stock.js';

export type ReservationStatus = 'reserved' | 'committed' | 'released';

export interface Reservation {
  reservationId: string;
  items: ReservationLine[];
  status: ReservationStatus;
  createdAt: string;
  updatedAt: string;
}

export type Settlement = 'commit' | 'release';

const settledStatus: Record<Settlement, ReservationStatus> = { commit: 'committed', release: 'released' };
const pastTense: Record<Settlement, string> = { commit: 'committed', release: 'released' };

/**
 * The reservation state machine: `reserved` moves once, to `committed` (the units are
 * sold) or to `released` (they return to available). Both end states are final;
 * repeating the transition that led there is an idempotent no-op.
 */
export type SettlementDecision = { kind: 'apply'; to: ReservationStatus } | { kind: 'already-done' };

export function decideSettlement(status: ReservationStatus, settlement: Settlement): SettlementDecision {
  const target = settledStatus[settlement];
  if (status === 'reserved') return { kind: 'apply', to: target };
  if (status === target) return { kind: 'already-done' };
  throw new ReservationStateError(status, pastTense[settlement]);
}

export function newReservation(reservationId: string, items: ReservationLine[], now: Date): Reservation {
  const at = now.toISOString();
  return { reservationId, items, status: 'reserved', createdAt: at, updatedAt: at };
}

/**
 * Releasing a reservation inventory never saw leaves a released, empty record: the
 * saga that gave up on it is answered, and its reserve, should it arrive late, is
 * refused instead of holding stock that no order will ever commit or release.
 */
export function releasedPlaceholder(reservationId: string, now: Date): Reservation {
  const at = now.toISOString();
  return { reservationId, items: [], status: 'released', createdAt: at, updatedAt: at };
}

function quantitiesByProduct(items: ReservationLine[]): Map<string, number> {
  return new Map(items.map((item) => [item.productId, item.quantity]));
}

/** Same products with the same quantities, in any order. */
export function sameItems(left: ReservationLine[], right: ReservationLine[]): boolean {
  const wanted = quantitiesByProduct(right);
  return left.length === right.length && left.every((item) => wanted.get(item.productId) === item.quantity);
}

/**
 * A reserve repeated for an existing reservation answers it unchanged, when it is the same
 * request still held or already committed (a checkout run again after its first run
 * committed the units goes on to commit, which answers that it is done). A released one
 * stays released: its units went back, and a late reserve must not hold them again.
 */
export function answerRepeatedReserve(existing: Reservation, items: ReservationLine[]): Reservation {
  if (existing.status === 'released') throw new ReservationStateError(existing.status, 'reserved again');
  if (!sameItems(existing.items, items)) throw new ReservationMismatchError();
  return existing;
}
