import type { Reservation, ReservationStatus } from './reservation.js';
import type { StockChange, StockMovement, StockRecord } from './stock.js';

export interface StockRepository {
  find(productId: string): Promise<StockRecord | undefined>;
  /** Reads several records at once (strongly consistent); absent products are absent from the map. */
  findMany(productIds: string[]): Promise<Map<string, StockRecord>>;
  /** Creates the record unless one exists; answers whether it did (so a replayed event changes nothing). */
  createIfAbsent(record: StockRecord, change: StockChange): Promise<boolean>;
  /** Adds units to an existing record's available stock; undefined when there is no record. */
  restock(productId: string, quantity: number, change: StockChange): Promise<StockRecord | undefined>;
}

export type ReserveOutcome =
  | { kind: 'reserved' }
  /** A reservation with this id already exists; nothing was changed. */
  | { kind: 'exists'; reservation: Reservation }
  /** Some line could not be satisfied; nothing was changed. The stock as read after the refusal. */
  | { kind: 'refused'; stock: Map<string, StockRecord> };

export interface ReservationRepository {
  find(reservationId: string): Promise<Reservation | undefined>;
  /** Stores the reservation and moves its units from available to reserved, all lines or none. */
  reserve(reservation: Reservation): Promise<ReserveOutcome>;
  /**
   * Moves a `reserved` reservation to `to`, with its stock movements, atomically.
   * `stale` when the reservation was no longer `reserved` (someone settled it first).
   */
  settle(reservation: Reservation, to: ReservationStatus, movements: StockMovement[], now: Date): Promise<'settled' | 'stale'>;
  /** Stores a reservation unless its id exists; answers whether it did. */
  createIfAbsent(reservation: Reservation): Promise<boolean>;
}
