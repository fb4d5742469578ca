import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '@shoplane/lambda-kit';
import { createTestTable, localStoreEndpoint, type TestTable } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { newStockRecord, reservationMovements } from '../domain/stock.js';
import { service } from '../service.js';
import { newProductId } from '../test-support.js';
import { dynamoStockRepository } from './stock-repository.js';
import { movementUpdate } from './table-items.js';
import { transact } from './transactions.js';

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

const change = { reason: 'reserved' as const, correlationId: 'ord_conflict', at: new Date() };

async function productWithStock(stock: number): Promise<string> {
  const productId = newProductId();
  await dynamoStockRepository(table.documents, table.name).createIfAbsent(newStockRecord(productId, stock, new Date()), { ...change, reason: 'created' });
  return productId;
}

const reserveOne = (productId: string) =>
  reservationMovements('reserve', [{ productId, quantity: 1 }]).map((movement) => ({ Update: movementUpdate(table.name, movement, change) }));

const stockOf = (productId: string) => dynamoStockRepository(table.documents, table.name).find(productId);

describe('write transactions', () => {
  it('retries a transaction DynamoDB cancelled for a conflict, and applies it once', async () => {
    const productId = await productWithStock(5);
    conflictsToInject = 3;
    transactionsSent = 0;

    const result = await transact(table.documents, reserveOne(productId));

    expect(result).toEqual({ committed: true });
    expect(transactionsSent).toBe(4);
    expect(await stockOf(productId)).toMatchObject({ availableStock: 4, reservedStock: 1, version: 2 });
  });

  it('gives up with 503 service-unavailable, not a crash, when conflicts outlast its attempts', async () => {
    const productId = await productWithStock(5);
    conflictsToInject = 3;

    const attempt = transact(table.documents, reserveOne(productId), 3);

    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(await stockOf(productId)).toMatchObject({ availableStock: 5, version: 1 });
  });

  it('answers which items\' conditions failed, without retrying', async () => {
    const productId = await productWithStock(0);
    transactionsSent = 0;

    const result = await transact(table.documents, reserveOne(productId));

    expect(result).toEqual({ committed: false, conditionFailed: [true] });
    expect(transactionsSent).toBe(1);
  });
});
