import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BusyError } from '@shoplane/contracts';
import { newId } from '@shoplane/lambda-kit';
import { createTestTable, localStoreEndpoint, type TestTable } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { newReservation } from '../domain/reservation.js';
import { newStockRecord } from '../domain/stock.js';
import { service } from '../service.js';
import { newProductId } from '../test-support.js';
import { dynamoReservationRepository } from './reservation-repository.js';
import { dynamoStockRepository } from './stock-repository.js';

let table: TestTable;
/** How many of the next transactions DynamoDB (as far as the code can tell) cancels for a conflict. */
let conflictsToInject = 0;
let transactionsSent = 0;

beforeAll(async () => {
  table = await createTestTable(localStoreEndpoint(), service);
  // DynamoDB Local serialises transactions and never reports a conflict; this stands in for the ones AWS reports.
  table.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      transactionsSent++;
      if (conflictsToInject > 0) {
        conflictsToInject--;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectTransactionConflicts' },
  );
});

async function productWithStock(stock: number): Promise<string> {
  const productId = newProductId();
  const change = { reason: 'created' as const, correlationId: 'test', at: new Date() };
  await dynamoStockRepository(table.documents, table.name).createIfAbsent(newStockRecord(productId, stock, new Date()), change);
  return productId;
}

const oneUnitOf = (productId: string) => newReservation(newId('ord'), [{ productId, quantity: 1 }], new Date());

const stockOf = (productId: string) => dynamoStockRepository(table.documents, table.name).find(productId);

describe('reservation transactions', () => {
  it('retries a reservation DynamoDB cancelled for a conflict, and applies it once', async () => {
    const productId = await productWithStock(5);
    conflictsToInject = 3;
    transactionsSent = 0;

    const outcome = await dynamoReservationRepository(table.documents, table.name).reserve(oneUnitOf(productId));

    expect(outcome).toEqual({ kind: 'reserved' });
    expect(transactionsSent).toBe(4);
    expect(await stockOf(productId)).toMatchObject({ availableStock: 4, reservedStock: 1, version: 2 });
  });

  it('gives up with BusyError, having changed nothing, when conflicts outlast its attempts', async () => {
    const productId = await productWithStock(5);
    conflictsToInject = 3;
    const reservations = dynamoReservationRepository(table.documents, table.name, { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 });

    const attempt = reservations.reserve(oneUnitOf(productId));

    await expect(attempt).rejects.toBeInstanceOf(BusyError);
    await expect(attempt).rejects.toMatchObject({ data: { subject: 'stock' } });
    expect(await stockOf(productId)).toMatchObject({ availableStock: 5, version: 1 });
  });

  it('answers a refusal with the stock it saw when a line\'s condition fails, without retrying', async () => {
    const productId = await productWithStock(0);
    transactionsSent = 0;

    const outcome = await dynamoReservationRepository(table.documents, table.name).reserve(oneUnitOf(productId));

    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(outcome.kind === 'refused' && outcome.stock.get(productId)).toMatchObject({ availableStock: 0 });
    expect(transactionsSent).toBe(1);
  });
});
