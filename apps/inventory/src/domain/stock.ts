import type { InventoryUpdated, StockRecord } from '@shoplane/contracts';

export type { StockRecord };
export type StockChangeReason = InventoryUpdated['data']['reason'];

/** One line of a reservation: units of one product. */
export interface ReservationLine {
  productId: string;
  quantity: number;
}

/**
 * What one change does to one product's counts. Units only ever move between
 * `available` and `reserved`, or enter (restock) or leave (commit: sold) the
 * building; every operation is expressed as movements so one rule guards them all.
 */
export interface StockMovement {
  productId: string;
  available: number;
  reserved: number;
}

/** Why a stock record changed and on whose behalf; travels into its InventoryUpdated event. */
export interface StockChange {
  reason: StockChangeReason;
  correlationId: string;
  at: Date;
}

export type ReservationAction = 'reserve' | 'commit' | 'release';

const movementPerUnit: Record<ReservationAction, { available: number; reserved: number }> = {
  reserve: { available: -1, reserved: 1 },
  commit: { available: 0, reserved: -1 },
  release: { available: 1, reserved: -1 },
};

export function reservationMovements(action: ReservationAction, items: ReservationLine[]): StockMovement[] {
  const perUnit = movementPerUnit[action];
  return items.map(({ productId, quantity }) => ({
    productId,
    available: perUnit.available * quantity,
    reserved: perUnit.reserved * quantity,
  }));
}

export function restockMovement(productId: string, quantity: number): StockMovement {
  return { productId, available: quantity, reserved: 0 };
}

/** Units a movement takes from each count: what must be on hand so that no count goes below zero. */
export function requiredOnHand(movement: StockMovement): { available: number; reserved: number } {
  return { available: Math.max(0, -movement.available), reserved: Math.max(0, -movement.reserved) };
}

/** A product's record as inventory first learns of it (from ProductCreated). */
export function newStockRecord(productId: string, stock: number, now: Date): StockRecord {
  return { productId, availableStock: stock, reservedStock: 0, version: 1, updatedAt: now.toISOString() };
}

/** The record after a movement, or undefined when the movement would drive a count below zero. */
export function applyMovement(record: StockRecord, movement: StockMovement, now: Date): StockRecord | undefined {
  const needed = requiredOnHand(movement);
  if (record.availableStock < needed.available || record.reservedStock < needed.reserved) return undefined;
  return {
    ...record,
    availableStock: record.availableStock + movement.available,
    reservedStock: record.reservedStock + movement.reserved,
    version: record.version + 1,
    updatedAt: now.toISOString(),
  };
}

export interface ReservationShortfall {
  /** Lines (by index in the request) whose product has no stock record. */
  unknown: number[];
  /** Lines asking for more than is available, with what is available now. */
  short: { index: number; requested: number; available: number }[];
}

/** Which lines of a reservation the current stock cannot satisfy. */
export function shortfallOf(items: ReservationLine[], stock: ReadonlyMap<string, StockRecord>): ReservationShortfall {
  const shortfall: ReservationShortfall = { unknown: [], short: [] };
  items.forEach((item, index) => {
    const record = stock.get(item.productId);
    if (!record) shortfall.unknown.push(index);
    else if (record.availableStock < item.quantity) shortfall.short.push({ index, requested: item.quantity, available: record.availableStock });
  });
  return shortfall;
}

export function isSatisfiable(shortfall: ReservationShortfall): boolean {
  return shortfall.unknown.length === 0 && shortfall.short.length === 0;
}
