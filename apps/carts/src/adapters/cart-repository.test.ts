import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BusyError } from '@shoplane/contracts';
import { localDynamoDbClient, localStoreEndpoint } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartsTestbed, freshCustomer, storedCart, type CartsTestbed } from '../test-support.js';
import { dynamoCartRepository } from './cart-repository.js';

let bed: CartsTestbed;

beforeAll(async () => {
  bed = await cartsTestbed();
});

/**
 * DynamoDB Local runs transactions one at a time, so it never answers TransactionConflict
 * as DynamoDB does when two transactions touch one item at once. This client makes the
 * next `collisions` transactions fail that way before they reach the store (or, for
 * `UpdateItemCommand`, the next updates, as a single write meeting a transaction does).
 */
function collidingDocumentClient(collisions: number, commandName: 'TransactWriteItemsCommand' | 'UpdateItemCommand' = 'TransactWriteItemsCommand') {
  const client = localDynamoDbClient(localStoreEndpoint());
  const state = { remaining: collisions };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === commandName && state.remaining > 0) {
        state.remaining--;
        if (commandName === 'UpdateItemCommand') {
          throw new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: { httpStatusCode: 400 } });
        }
        throw new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectTransactionConflicts' },
  );
  return DynamoDBDocumentClient.from(client);
}

/** Five attempts, barely pausing between them. */
const quickRetry = { attempts: 5, baseDelayMs: 1, maxDelayMs: 10 };

const line = { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2, currency: 'USD' as const };

describe('cart repository under transaction collisions', () => {
  it('retries a new line whose transaction collided, and stores it once', async () => {
    const { userId } = freshCustomer();
    const carts = dynamoCartRepository(collidingDocumentClient(3), bed.table.name, quickRetry);

    await carts.addToLine(userId, line, new Date());

    expect(await storedCart(bed, userId)).toMatchObject({ lineCount: 1, lines: [{ productId: line.productId, qty: 2 }] });
  });

  it('gives up with the cart busy after its attempts, having changed nothing', async () => {
    const { userId } = freshCustomer();
    const carts = dynamoCartRepository(collidingDocumentClient(5), bed.table.name, quickRetry);

    const adding = carts.addToLine(userId, line, new Date());

    await expect(adding).rejects.toBeInstanceOf(BusyError);
    await expect(adding).rejects.toMatchObject({ data: { subject: 'cart' } });
    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });

  it('adds to a line whose update met a transaction in flight on it, exactly once', async () => {
    const { userId } = freshCustomer();
    await bed.carts.addToLine(userId, line, new Date());
    const carts = dynamoCartRepository(collidingDocumentClient(1, 'UpdateItemCommand'), bed.table.name, quickRetry);

    await carts.addToLine(userId, line, new Date());

    expect(await storedCart(bed, userId)).toMatchObject({ lineCount: 1, lines: [{ productId: line.productId, qty: 4 }] });
  });

  it('retries a removal whose transaction collided, counting the line out once', async () => {
    const { userId } = freshCustomer();
    await bed.carts.addToLine(userId, line, new Date());
    const carts = dynamoCartRepository(collidingDocumentClient(2), bed.table.name, quickRetry);

    const removed = await carts.removeLine(userId, line.productId);

    expect(removed).toBe(true);
    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });

  it('retries clearing after a collision until the cart is empty', async () => {
    const { userId } = freshCustomer();
    await bed.carts.addToLine(userId, line, new Date());
    const carts = dynamoCartRepository(collidingDocumentClient(2), bed.table.name, quickRetry);

    await carts.clear(userId);

    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });
});
