import type { TransactItem } from '@shoplane/lambda-kit';
import type { Reservation, ReservationStatus } from '../domain/reservation.js';
import { requiredOnHand, type ReservationLine, type StockChange, type StockMovement, type StockRecord } from '../domain/stock.js';

/**
 * How inventory lays out its table (keys stay inside DynamoDB):
 * - `PK=STOCK#<productId>, SK=STOCK`  a product's counts, plus why they last changed
 *   (`changeReason`, `changeCorrelationId`), which its InventoryUpdated event reports
 * - `PK=RESERVATION#<reservationId>, SK=RESERVATION`  the lines held for one checkout
 */
export type { TransactItem };
type UpdateItem = NonNullable<TransactItem['Update']>;
type Item = Record<string, unknown>;

export const stockKeyPrefix = 'STOCK#';
export const stockKey = (productId: string) => ({ PK: `${stockKeyPrefix}${productId}`, SK: 'STOCK' });
export const reservationKey = (reservationId: string) => ({ PK: `RESERVATION#${reservationId}`, SK: 'RESERVATION' });

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

export function toStockRecord(item: Item | undefined): StockRecord | undefined {
  if (!item) return undefined;
  const { productId, availableStock, reservedStock, version, updatedAt } = item;
  if (typeof productId !== 'string' || typeof updatedAt !== 'string') return undefined;
  if (!isCount(availableStock) || !isCount(reservedStock) || !isCount(version)) return undefined;
  return { productId, availableStock, reservedStock, version, updatedAt };
}

export function stockItem(record: StockRecord, change: StockChange): Item {
  return { ...stockKey(record.productId), ...record, changeReason: change.reason, changeCorrelationId: change.correlationId };
}

/**
 * One movement as a conditional update: the condition is the store's guarantee that
 * the record exists and no count goes below zero, however many writers race.
 */
export function movementUpdate(tableName: string, movement: StockMovement, change: StockChange): UpdateItem {
  const needed = requiredOnHand(movement);
  return {
    TableName: tableName,
    Key: stockKey(movement.productId),
    UpdateExpression:
      'SET availableStock = availableStock + :available, reservedStock = reservedStock + :reserved, version = version + :one, ' +
      'updatedAt = :at, changeReason = :reason, changeCorrelationId = :correlationId',
    ConditionExpression: 'attribute_exists(PK) AND availableStock >= :neededAvailable AND reservedStock >= :neededReserved',
    ExpressionAttributeValues: {
      ':available': movement.available,
      ':reserved': movement.reserved,
      ':one': 1,
      ':at': change.at.toISOString(),
      ':reason': change.reason,
      ':correlationId': change.correlationId,
      ':neededAvailable': needed.available,
      ':neededReserved': needed.reserved,
    },
  };
}

function toLines(value: unknown): ReservationLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const lines = value.flatMap((line: unknown) => {
    const { productId, quantity } = (line ?? {}) as Item;
    return typeof productId === 'string' && isCount(quantity) ? [{ productId, quantity }] : [];
  });
  return lines.length === value.length ? lines : undefined;
}

const statuses: ReservationStatus[] = ['reserved', 'committed', 'released'];
const isStatus = (value: unknown): value is ReservationStatus => statuses.some((status) => status === value);

export function toReservation(item: Item | undefined): Reservation | undefined {
  if (!item) return undefined;
  const { reservationId, status, createdAt, updatedAt } = item;
  const items = toLines(item['items']);
  if (typeof reservationId !== 'string' || !isStatus(status) || !items) return undefined;
  if (typeof createdAt !== 'string' || typeof updatedAt !== 'string') return undefined;
  return { reservationId, items, status, createdAt, updatedAt };
}

export function reservationItem(reservation: Reservation): Item {
  return { ...reservationKey(reservation.reservationId), ...reservation };
}
