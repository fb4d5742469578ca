import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditions, isConditionalCheckFailure, transactWrite, type ConflictRetry } from '@shoplane/lambda-kit';
import type { ReservationRepository } from '../domain/ports.js';
import type { Reservation } from '../domain/reservation.js';
import { reservationMovements } from '../domain/stock.js';
import { readStockRecords } from './stock-repository.js';
import { movementUpdate, reservationItem, reservationKey, toReservation, type TransactItem } from './table-items.js';

/**
 * Transactions touching a popular product's record collide inside DynamoDB
 * (TransactionConflict) when many checkouts run at once; the loser retries after a
 * jittered, growing pause. Enough attempts that a burst of 50 on one product settles.
 */
export const stockConflictRetry: ConflictRetry = { attempts: 10, baseDelayMs: 10, maxDelayMs: 400 };

type TransactionResult =
  | { committed: true }
  /** Cancelled because conditions failed: one flag per item, in request order. */
  | { committed: false; conditionFailed: boolean[] };

/** Carries the failed conditions of a cancelled transaction out of `transactWrite`. */
class ConditionsFailed extends Error {
  constructor(readonly conditionFailed: boolean[]) {
    super('transaction conditions failed');
  }
}

/**
 * Reservations and the stock they hold change in one TransactWriteItems: one
 * conditional update per line plus the reservation itself. A reservation has at most
 * 50 lines (cartLimits.maxLines), so at most 51 of DynamoDB's 100 items per transaction;
 * the InventoryUpdated events come from the stock records' stream, not from extra items.
 */
export function dynamoReservationRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
  retry: ConflictRetry = stockConflictRetry,
): ReservationRepository {
  /** Failed conditions are an answer (no stock, a settled reservation); contention ends in BusyError('stock'). */
  async function transact(items: TransactItem[]): Promise<TransactionResult> {
    try {
      await transactWrite(client, items, {
        subject: 'stock',
        retry,
        refusal: (reasons) => {
          const conditionFailed = failedConditions(reasons, items.length);
          return conditionFailed.some(Boolean) ? new ConditionsFailed(conditionFailed) : undefined;
        },
      });
      return { committed: true };
    } catch (error) {
      if (error instanceof ConditionsFailed) return { committed: false, conditionFailed: error.conditionFailed };
      throw error;
    }
  }

  async function find(reservationId: string): Promise<Reservation | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: reservationKey(reservationId), ConsistentRead: true }));
    return toReservation(Item);
  }

  const placeReservation = (reservation: Reservation): TransactItem => ({
    Put: { TableName: tableName, Item: reservationItem(reservation), ConditionExpression: 'attribute_not_exists(PK)' },
  });

  return {
    find,

    async reserve(reservation) {
      // Events of a reservation's changes carry its id as their correlation id.
      const change = { reason: 'reserved' as const, correlationId: reservation.reservationId, at: new Date(reservation.createdAt) };
      const lines = reservationMovements('reserve', reservation.items).map((movement) => ({ Update: movementUpdate(tableName, movement, change) }));
      const result = await transact([...lines, placeReservation(reservation)]);
      if (result.committed) return { kind: 'reserved' };
      if (result.conditionFailed[lines.length]) {
        const existing = await find(reservation.reservationId);
        if (!existing) throw new Error(`reservation ${reservation.reservationId} refused as existing but cannot be read`);
        return { kind: 'exists', reservation: existing };
      }
      const stock = await readStockRecords(client, tableName, reservation.items.map((item) => item.productId));
      return { kind: 'refused', stock };
    },

    async settle(reservation, to, movements, now) {
      const change = { reason: to, correlationId: reservation.reservationId, at: now };
      const lines = movements.map((movement) => ({ Update: movementUpdate(tableName, movement, change) }));
      const result = await transact([
        ...lines,
        {
          Update: {
            TableName: tableName,
            Key: reservationKey(reservation.reservationId),
            UpdateExpression: 'SET #status = :to, updatedAt = :at',
            ConditionExpression: '#status = :reserved',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':to': to, ':at': now.toISOString(), ':reserved': 'reserved' },
          },
        },
      ]);
      if (result.committed) return 'settled';
      if (result.conditionFailed[lines.length]) return 'stale';
      // The reservation still holds its units, so its lines cannot lack them unless the data was altered by hand.
      throw new Error(`stock of reservation ${reservation.reservationId} does not cover it; refusing to settle`);
    },

    async createIfAbsent(reservation) {
      try {
        await client.send(new PutCommand({ TableName: tableName, Item: reservationItem(reservation), ConditionExpression: 'attribute_not_exists(PK)' }));
        return true;
      } catch (error) {
        if (isConditionalCheckFailure(error)) return false;
        throw error;
      }
    },
  };
}
