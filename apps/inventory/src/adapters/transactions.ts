import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, retryOnConflict, ServiceUnavailableError, type ConflictRetry } from '@shoplane/lambda-kit';
import type { TransactItem } from './table-items.js';

export type TransactionResult =
  | { committed: true }
  /** Cancelled because conditions failed: one flag per item, in request order. */
  | { committed: false; conditionFailed: boolean[] };

/**
 * Transactions touching a popular product's record collide inside DynamoDB
 * (TransactionConflict) when many checkouts run at once; the loser retries after a
 * jittered, growing pause. Enough attempts that a burst of 50 on one product settles.
 */
const stockRetry: ConflictRetry = { attempts: 10, baseDelayMs: 10, maxDelayMs: 400 };

/** Runs a write transaction; conditions that fail are an answer, contention is retried, anything else is thrown. */
export async function transact(client: DynamoDBDocumentClient, items: TransactItem[], attempts = stockRetry.attempts): Promise<TransactionResult> {
  try {
    await retryOnConflict(
      () => client.send(new TransactWriteCommand({ TransactItems: items })),
      (cause) => new ServiceUnavailableError('Stock is changing too fast right now; try again.', { cause }),
      { ...stockRetry, attempts },
    );
    return { committed: true };
  } catch (error) {
    const reasons = cancellationReasons(error);
    const conditionFailed = items.map((_item, index) => reasons?.[index]?.Code === 'ConditionalCheckFailed');
    if (conditionFailed.some(Boolean)) return { committed: false, conditionFailed };
    throw error;
  }
}
